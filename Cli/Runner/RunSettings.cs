using GrowNet.Ecs.Engine.Models;

namespace GrowNet.Ecs.Cli.Runner;

/// <summary>The scenario's <c>run</c> object: how long, from which seed, on how many threads.</summary>
public sealed record RunSettings
{
    /// <summary>World ticks to run (≥ 0).</summary>
    public long Ticks { get; init; }

    /// <summary>The world seed; mandatory, so a file always says which run it is.</summary>
    public ulong? Seed { get; init; }

    /// <summary>Worker threads (0 = one per processor). Outputs do not depend on it.</summary>
    public int Threads { get; init; }

    /// <summary>Checks every field.</summary>
    /// <exception cref="ModelConfigException">A field is invalid.</exception>
    public void Validate()
    {
        if (Ticks < 0)
            throw new ModelConfigException("ticks", $"is {Ticks}; it must be >= 0.");
        if (Seed is null)
            throw new ModelConfigException("seed", "is required (an unsigned integer).");
        if (Threads < 0 || Threads > 1024)
            throw new ModelConfigException("threads", $"is {Threads}; it must be 0 (one per processor) .. 1024.");
    }
}
