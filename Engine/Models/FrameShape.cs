namespace GrowNet.Ecs.Engine.Models;

/// <summary>The shape of a port that holds a 2D frame: <see cref="Rows"/> × <see cref="Columns"/> elements in row-major order.</summary>
/// <param name="Rows">Image height.</param>
/// <param name="Columns">Image width.</param>
public readonly record struct FrameShape(int Rows, int Columns)
{
    /// <summary>Elements of one frame.</summary>
    public int Length => Rows * Columns;
}
