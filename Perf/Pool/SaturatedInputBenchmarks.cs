using BenchmarkDotNet.Attributes;
using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Pool;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Perf.Pool;

/// <summary>
/// Cost of the host side of a saturated tick alone (pattern fill + <c>SetInput</c>), which the
/// saturated tick benchmarks include, so it can be told apart from the engine's own time.
/// </summary>
[MemoryDiagnoser]
public class SaturatedInputBenchmarks
{
    private World world = null!;
    private NeuronPool pool = null!;
    private short[] buffer = null!;
    private uint tick;

    /// <summary>Cells.</summary>
    [Params(4096, 65536)]
    public int Cells { get; set; }

    /// <summary>Creates an empty pool to receive the input.</summary>
    [GlobalSetup]
    public void GlobalSetup()
    {
        world = Pipeline.CreateWorld(PoolWorkloadRunner.Seed);
        pool = NeuronPool.Create(world, "input", PoolDefinition.Empty(Cells, PoolConfig.Default));
        buffer = new short[Cells];
    }

    /// <summary>Releases the world.</summary>
    [GlobalCleanup]
    public void GlobalCleanup() => world.Dispose();

    /// <summary>Vector fill only.</summary>
    [Benchmark(Baseline = true)]
    public void Fill() => SaturatedInput.Fill(buffer, tick++);

    /// <summary>Scalar fill only (the reference formula cell by cell).</summary>
    [Benchmark]
    public void FillScalar() => SaturatedInput.FillScalar(buffer, tick++);

    /// <summary>Fill and hand to the pool, as a saturated tick does.</summary>
    [Benchmark]
    public void FillAndSetInput()
    {
        SaturatedInput.Fill(buffer, tick++);
        pool.SetInput(buffer);
    }
}
