namespace GrowNet.Ecs.Workloads.Pool;

/// <summary>What the host feeds the pool each tick.</summary>
public enum InputRegime
{
    /// <summary>No external input at all.</summary>
    Quiescent,

    /// <summary>The hashed pattern of <see cref="SaturatedInput"/>: about 5 % of cells get +10 000 each tick.</summary>
    Saturated,
}
