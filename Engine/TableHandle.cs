namespace GrowNet.Ecs.Engine;

/// <summary>
/// A stable handle to a table (index + generation), small and blittable so components can hold
/// it: a pool entity refers to its cell and synapse tables this way.
/// </summary>
public readonly record struct TableHandle(int Index, int Generation)
{
    /// <summary>The null handle.</summary>
    public static TableHandle Null => default;

    /// <summary>True for the null handle.</summary>
    public bool IsNull => Generation == 0;
}
