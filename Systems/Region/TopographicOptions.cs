using GrowNet.Ecs.Components.Region;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>Geometry and weighting of the topographic preset.</summary>
public readonly record struct TopographicOptions
{
    /// <summary>Window height. Default 7.</summary>
    public int KernelHeight { get; init; }
    /// <summary>Window width. Default 7.</summary>
    public int KernelWidth { get; init; }
    /// <summary>Vertical stride. Default 1.</summary>
    public int StrideHeight { get; init; }
    /// <summary>Horizontal stride. Default 1.</summary>
    public int StrideWidth { get; init; }
    /// <summary>Window placement. Default SAME.</summary>
    public WindowPadding Padding { get; init; }
    /// <summary>Gaussian σ in pixels. Default 2.0.</summary>
    public double Sigma { get; init; }
    /// <summary>Whether each center's incoming weights are scaled to sum to 1. Default true.</summary>
    public bool Normalize { get; init; }

    /// <summary>The defaults: 7×7, stride 1, SAME, σ 2, normalised.</summary>
    public static TopographicOptions Default => new()
    {
        KernelHeight = 7,
        KernelWidth = 7,
        StrideHeight = 1,
        StrideWidth = 1,
        Padding = WindowPadding.Same,
        Sigma = 2.0,
        Normalize = true,
    };
}
