namespace GrowNet.Ecs.Components.Network;

/// <summary>The generated signal of a source (network.md, "Sources").</summary>
public enum SourceKind : byte
{
    /// <summary>P0 every tick.</summary>
    Constant,
    /// <summary>Uniform in [P0, P1).</summary>
    Uniform,
    /// <summary>Normal with mean P0 and standard deviation P1 (Box–Muller of two counter draws).</summary>
    Normal,
    /// <summary>Poisson with rate P0 per tick: 1 when the draw is below the rate (bool), else 0.</summary>
    PoissonSpike,
    /// <summary>Poisson with mean P0 per tick: the count, by inversion of the CDF.</summary>
    PoissonCount,
    /// <summary><c>P3 + P0 · sin(2π · t / P1 + P2)</c> with t the world tick.</summary>
    Sine,
    /// <summary>P0 in the first half of each period of P1 ticks (shifted by P2 ticks), else P3.</summary>
    Square,
    /// <summary>Stored frames, each held <c>Hold</c> ticks, repeating.</summary>
    Sequence,
    /// <summary>Frames read from a file (CSV column or PGM/PNG images), held and repeated like a sequence.</summary>
    File,
}
