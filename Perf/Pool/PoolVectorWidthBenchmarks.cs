using BenchmarkDotNet.Attributes;

namespace GrowNet.Ecs.Perf.Pool;

/// <summary>
/// The 4 096-cell compat pool on one worker thread, both regimes: the pool figures of
/// docs/vector-widths.md, run once per instruction set (<c>DOTNET_EnableAVX512=0</c>,
/// <c>DOTNET_EnableAVX2=0</c> set for the whole in-process run).
/// </summary>
[MemoryDiagnoser]
public class PoolVectorWidthBenchmarks : PoolTickBenchmarkBase
{
    /// <summary>The input regime.</summary>
    [ParamsAllValues]
    public InputRegime Regime { get; set; }

    /// <inheritdoc />
    protected override PoolWorkload CurrentWorkload => PoolWorkload.Compat4096;

    /// <inheritdoc />
    protected override InputRegime CurrentRegime => Regime;

    /// <inheritdoc />
    protected override int CurrentThreads => 1;
}
