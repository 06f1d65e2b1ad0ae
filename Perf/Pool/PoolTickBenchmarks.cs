using BenchmarkDotNet.Attributes;

namespace GrowNet.Ecs.Perf.Pool;

/// <summary>Compat pool ticks: 4 096 cells at 0.02 and 65 536 cells at 0.00015, quiescent and saturated.</summary>
[MemoryDiagnoser]
public class PoolTickBenchmarks : PoolTickBenchmarkBase
{
    /// <summary>The workload.</summary>
    [Params(PoolWorkload.Compat4096, PoolWorkload.Compat65536)]
    public PoolWorkload Workload { get; set; }

    /// <summary>The input regime.</summary>
    [ParamsAllValues]
    public InputRegime Regime { get; set; }

    /// <inheritdoc />
    protected override PoolWorkload CurrentWorkload => Workload;

    /// <inheritdoc />
    protected override InputRegime CurrentRegime => Regime;
}
