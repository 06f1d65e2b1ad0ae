namespace GrowNet.Ecs.Cli.Bench.Results;

/// <summary>
/// Everything one <c>grownet bench</c> run measured, as written by <c>--json</c> and read by
/// <c>--compare</c>: where and with what it ran, and every raw sample of every workload.
/// </summary>
public sealed record BenchReport
{
    /// <summary>The schema name this build writes and reads.</summary>
    public const string CurrentSchema = "grownet-bench/1";

    /// <summary>Schema name (<see cref="CurrentSchema"/>).</summary>
    public string Schema { get; init; } = CurrentSchema;

    /// <summary>When the run started (UTC, ISO 8601).</summary>
    public required DateTimeOffset CreatedUtc { get; init; }

    /// <summary>The build's commit.</summary>
    public required CommitInfo Commit { get; init; }

    /// <summary>The machine.</summary>
    public required MachineInfo Machine { get; init; }

    /// <summary>The runtime.</summary>
    public required RuntimeInfo Runtime { get; init; }

    /// <summary>World worker threads of every workload.</summary>
    public int Threads { get; init; }

    /// <summary>Whether the run was a <c>--quick</c> one (fewer samples, same workloads).</summary>
    public bool Quick { get; init; }

    /// <summary>What the reference kernel is (see <see cref="Running.ReferenceKernel"/>); comparisons need the same one.</summary>
    public string ReferenceKernel { get; init; } = "";

    /// <summary>The clock of the samples: "thread-cpu", "process-cpu" or "wall" (see <see cref="Running.BenchClock"/>).</summary>
    public string Clock { get; init; } = "";

    /// <summary>The workloads, in the order they ran.</summary>
    public required WorkloadResult[] Workloads { get; init; }

    /// <summary>The result of the workload named <paramref name="name"/>, or null.</summary>
    public WorkloadResult? Find(string name) => Workloads.FirstOrDefault(w => w.Name == name);
}
