using BenchmarkDotNet.Attributes;

namespace GrowNet.Ecs.Perf.Pool;

/// <summary>The 65 536-cell compat pool with one worker thread versus one per core (results are identical either way).</summary>
[MemoryDiagnoser]
public class PoolThreadCountBenchmarks : PoolTickBenchmarkBase
{
    /// <summary>The workload (single value).</summary>
    [Params(PoolWorkload.Compat65536)]
    public PoolWorkload Workload { get; set; }

    /// <summary>The input regime.</summary>
    [ParamsAllValues]
    public InputRegime Regime { get; set; }

    /// <summary>World thread count (0 = the default, one per core).</summary>
    [Params(1, 0)]
    public int Threads { get; set; }

    /// <inheritdoc />
    protected override PoolWorkload CurrentWorkload => Workload;

    /// <inheritdoc />
    protected override InputRegime CurrentRegime => Regime;

    /// <inheritdoc />
    protected override int CurrentThreads => Threads;
}
