using GrowNet.Ecs.Systems.Topology;

namespace GrowNet.Ecs.Cli.Demos;

/// <summary>Settings of <see cref="TopologyDemo"/> (the defaults are the scenario of <c>grownet topology-demo</c>).</summary>
public sealed record TopologyDemoOptions
{
    /// <summary>Vertices in the block. Default 256.</summary>
    public int Vertices { get; init; } = 256;

    /// <summary>Ticks to run. Default 2000.</summary>
    public int Ticks { get; init; } = 2000;

    /// <summary>A report row every this many ticks (K). Default 100.</summary>
    public int ReportEvery { get; init; } = 100;

    /// <summary>Number of repeating input patterns. Default 4.</summary>
    public int Patterns { get; init; } = 4;

    /// <summary>Ticks each pattern is held before the next one. Default 10.</summary>
    public int TicksPerPattern { get; init; } = 10;

    /// <summary>The first this many vertices receive the pattern as input u. Default 32.</summary>
    public int InputVertices { get; init; } = 32;

    /// <summary>The vertex whose activity is rewarded (default: the last one).</summary>
    public int? OutputVertex { get; init; }

    /// <summary>
    /// Bias b of the output vertex. Default 0.25: a silent vertex (x ≈ 0) never forms a potentiality
    /// above θ_sprout, so without a little intrinsic excitability it could never be recruited.
    /// </summary>
    public float OutputBias { get; init; } = 0.25f;

    /// <summary>The output counts as active when its activation exceeds this. Default 0.3.</summary>
    public float ActiveThreshold { get; init; } = 0.3f;

    /// <summary>Reward R while the output is active. Default 1.</summary>
    public float Reward { get; init; } = 1f;

    /// <summary>Reward R while it is not (a slight anti-Hebbian pressure). Default −0.05.</summary>
    public float Penalty { get; init; } = -0.05f;

    /// <summary>Initial skeleton density (random). Default 0.02.</summary>
    public double InitialDensity { get; init; } = 0.02;

    /// <summary>ρmax. Default 0.3.</summary>
    public double MaxDensity { get; init; } = 0.3;

    /// <summary>Most sprouting candidates per tick (K). Default 16.</summary>
    public int SproutsPerTick { get; init; } = 16;

    /// <summary>World seed. Default 42.</summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>Worker threads (results do not depend on it). Default 1.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Throws when a setting is unusable, naming it.</summary>
    public void Validate()
    {
        if (Vertices < 1 || Vertices > TopologyFactory.MaxVertices)
            throw new ArgumentOutOfRangeException(nameof(Vertices), Vertices, $"A topology block has 1..{TopologyFactory.MaxVertices} vertices (N).");
        if (Ticks < 0)
            throw new ArgumentOutOfRangeException(nameof(Ticks), Ticks, "Ticks must be ≥ 0.");
        if (ReportEvery < 1)
            throw new ArgumentOutOfRangeException(nameof(ReportEvery), ReportEvery, "ReportEvery (K) must be ≥ 1.");
        if (Patterns < 1)
            throw new ArgumentOutOfRangeException(nameof(Patterns), Patterns, "Patterns must be ≥ 1.");
        if (TicksPerPattern < 1)
            throw new ArgumentOutOfRangeException(nameof(TicksPerPattern), TicksPerPattern, "TicksPerPattern must be ≥ 1.");
        if (InputVertices < 1 || InputVertices >= Vertices)
            throw new ArgumentOutOfRangeException(nameof(InputVertices), InputVertices, $"InputVertices must lie in 1..{Vertices - 1}.");
        int output = OutputVertex ?? Vertices - 1;
        if (output < InputVertices || output >= Vertices)
            throw new ArgumentOutOfRangeException(nameof(OutputVertex), output, $"OutputVertex must lie in {InputVertices}..{Vertices - 1} (not an input vertex).");
        if (!float.IsFinite(ActiveThreshold) || !float.IsFinite(Reward) || !float.IsFinite(Penalty) || !float.IsFinite(OutputBias))
            throw new ArgumentOutOfRangeException(nameof(ActiveThreshold), "ActiveThreshold, Reward, Penalty and OutputBias must be finite.");
        if (SproutsPerTick < 1)
            throw new ArgumentOutOfRangeException(nameof(SproutsPerTick), SproutsPerTick, "SproutsPerTick must be ≥ 1.");
        if (Threads < 1)
            throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "Threads must be ≥ 1.");
    }
}
