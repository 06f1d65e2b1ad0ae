using BenchmarkDotNet.Attributes;

namespace GrowNet.Ecs.Perf.Pool;

/// <summary>
/// Standard pool ticks: 65 536 cells at 2 % true density (~86 M synapses, ~690 MB of synapses,
/// ~2 GB peak while building, several seconds of setup). Kept apart so it can be selected or left
/// out with <c>--filter *Standard*</c>.
/// </summary>
[MemoryDiagnoser]
public class StandardPoolTickBenchmarks : PoolTickBenchmarkBase
{
    /// <summary>The workload (single value; shown for the summary columns).</summary>
    [Params(PoolWorkload.Standard65536)]
    public PoolWorkload Workload { get; set; }

    /// <summary>The input regime.</summary>
    [ParamsAllValues]
    public InputRegime Regime { get; set; }

    /// <inheritdoc />
    protected override PoolWorkload CurrentWorkload => Workload;

    /// <inheritdoc />
    protected override InputRegime CurrentRegime => Regime;
}
