namespace GrowNet.Ecs.Cli.Commands;

/// <summary>The settings of one <c>grownet pool run</c>, as parsed from the command line.</summary>
public sealed record PoolRunOptions
{
    /// <summary>Cells of a new pool (<c>--new N</c>); null when a file is loaded.</summary>
    public int? NewCells { get; init; }

    /// <summary>Connection density of a new pool (<c>--density D</c>).</summary>
    public double? Density { get; init; }

    /// <summary>Build the new pool with neuropool 0.1's compat generator (<c>--compat</c>) instead of the standard one.</summary>
    public bool Compat { get; init; }

    /// <summary>World seed (<c>--seed S</c>, default 0); drives the standard generator.</summary>
    public ulong Seed { get; init; }

    /// <summary>A <c>.pool</c> file to load (<c>--pool FILE</c>); null when a new pool is built.</summary>
    public string? PoolPath { get; init; }

    /// <summary>World ticks to run (<c>--ticks T</c>).</summary>
    public int Ticks { get; init; }

    /// <summary>Held inputs (<c>--drive</c>), applied in order (a later drive overrides an earlier one on shared cells).</summary>
    public IReadOnlyList<DriveSpec> Drives { get; init; } = [];

    /// <summary>Per-tick spike counts go here as CSV (<c>--spikes-csv FILE</c>); null for none.</summary>
    public string? SpikesCsvPath { get; init; }

    /// <summary>Per-system timings go here as CSV after the run (<c>--timings-csv FILE</c>); null for none.</summary>
    public string? TimingsCsvPath { get; init; }

    /// <summary>The pool is saved here after the run (<c>--save FILE</c>); null for no save.</summary>
    public string? SavePath { get; init; }

    /// <summary>Worker threads (<c>--threads K</c>); null keeps the world's default (one per processor).</summary>
    public int? Threads { get; init; }
}
