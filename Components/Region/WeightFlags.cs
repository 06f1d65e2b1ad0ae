namespace GrowNet.Ecs.Components.Region;

/// <summary>The boolean state of a <see cref="Weight"/> stored in a slot or gate flags column.</summary>
[Flags]
public enum WeightFlags : byte
{
    /// <summary>Fresh weight.</summary>
    None = 0,
    /// <summary>The T0 threshold has been imprinted.</summary>
    Imprinted = 1,
    /// <summary>Frozen: neither reinforces nor adapts.</summary>
    Frozen = 2,
}
