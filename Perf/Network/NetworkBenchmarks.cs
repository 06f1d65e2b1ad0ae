using BenchmarkDotNet.Attributes;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Network;
using GrowNet.Ecs.Systems.Pool;

namespace GrowNet.Ecs.Perf.Network;

/// <summary>
/// network.md, "Scale": pools driven by Poisson sources. <see cref="Shape.Intra"/> is one pool
/// whose synapses are its own; <see cref="Shape.Projection"/> the same cells with the same number
/// of synapses carried by a projection of the pool onto itself (the per-event cost ratio goal is
/// ≤ 1.2); <see cref="Shape.Scale"/> is 16 pools, in-degree 100 inside and 20 from each of two
/// other pools (65 536 cells each needs ~1.2 GB of synapses; <see cref="Cells"/> picks the size).
/// One benchmark op is one tick; divide by the events per tick (printed at setup) for events/s.
/// </summary>
[MemoryDiagnoser]
public class NetworkBenchmarks
{
    /// <summary>The network.</summary>
    public enum Shape
    {
        /// <summary>One pool, its own synapses.</summary>
        Intra,
        /// <summary>One empty pool and a projection onto itself with the same density.</summary>
        Projection,
        /// <summary>Sixteen pools with projections from two others each.</summary>
        Scale,
    }

    private World world = null!;

    /// <summary>The network shape.</summary>
    [ParamsAllValues]
    public Shape Network { get; set; }

    /// <summary>Cells per pool.</summary>
    [Params(4096)]
    public int Cells { get; set; }

    /// <summary>Builds the network and runs it warm.</summary>
    [GlobalSetup]
    public void Setup()
    {
        world = Pipeline.CreateWorld(seed: 1);
        world.SetThreadCount(1);
        double inside = 100.0 / (Cells - 1);
        int pools = Network == Shape.Scale ? 16 : 1;
        for (int p = 0; p < pools; p++)
        {
            var definition = Network == Shape.Projection ? PoolDefinition.Empty(Cells) : PoolDefinition.Standard(Cells, inside);
            NeuronPool.Create(world, $"p{p}", definition);
            NetworkBuilder.AddSource(world, $"drive{p}", SourceDefinition.Poisson($"p{p}/current", 0.02, scale: 12000));
        }

        if (Network == Shape.Projection)
            NetworkBuilder.Connect(world, "self", "p0", "p0", ProjectionDefinition.Bernoulli(inside));
        if (Network == Shape.Scale)
        {
            for (int p = 0; p < pools; p++)
            {
                NetworkBuilder.Connect(world, $"p{(p + 1) % pools}->p{p}", $"p{(p + 1) % pools}", $"p{p}", ProjectionDefinition.FixedInDegree(20));
                NetworkBuilder.Connect(world, $"p{(p + 5) % pools}->p{p}", $"p{(p + 5) % pools}", $"p{p}", ProjectionDefinition.FixedInDegree(20));
            }
        }

        for (int t = 0; t < 50; t++)
            world.Step();
    }

    /// <summary>One tick.</summary>
    [Benchmark]
    public void Tick() => world.Step();

    /// <summary>Releases the world.</summary>
    [GlobalCleanup]
    public void Cleanup() => world.Dispose();
}
