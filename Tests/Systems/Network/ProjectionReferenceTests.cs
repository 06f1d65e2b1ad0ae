using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Network;
using GrowNet.Ecs.Systems.Pool;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Network;

/// <summary>
/// network.md, "Projections" (Transmission): the engine (the pool's vector kernel on projection
/// stores, lazy eligibility, target-split parallel runs) against <see cref="ReferenceNetwork"/>,
/// every pool and projection compared after every tick.
/// </summary>
public class ProjectionReferenceTests
{
    // Small pools (serial kernel) and large ones (events above the parallel threshold: target split on 2 threads).
    [TestCase(60, 50, 0.2, 1, 40)]
    [TestCase(60, 50, 0.2, 2, 40)]
    [TestCase(12000, 9000, 0.01, 1, 8)]
    [TestCase(12000, 9000, 0.01, 2, 8)]
    public void Transmission_MatchesPlainReference(int cellsA, int cellsB, double density, int threads, int ticks)
    {
        using var world = Pipeline.CreateWorld(seed: 21);
        world.SetThreadCount(threads);
        var configB = PoolConfig.Default with { MaxDelay = 5, StdpPositive = 25, TraceDecay = 200 };
        var a = NeuronPool.Create(world, "A", PoolDefinition.Standard(cellsA, density));
        var b = NeuronPool.Create(world, "B", PoolDefinition.Standard(cellsB, density / 2, configB));
        var pools = new[] { a, b };
        var projections = new[]
        {
            NetworkBuilder.Connect(world, "A->B", a, b, ProjectionDefinition.Bernoulli(density * 2)),
            // Own stdp and a decay of its own; a second projection into B adds after the first.
            NetworkBuilder.Connect(world, "A->B2", a, b, ProjectionDefinition.FixedInDegree(5) with { StdpNegative = -40, TraceDecay = 250, MaxDelay = 2 }),
            NetworkBuilder.Connect(world, "B->A", b, a, ProjectionDefinition.FixedOutDegree(7)),
            NetworkBuilder.Connect(world, "A->A", a, a, ProjectionDefinition.Bernoulli(density)),
        };
        // Saturate B's ring now and then: every weight of the first projection at ±127 with delay 1.
        var raw = world.GetTable(projections[0].State.Synapses).Span(GrowNet.Ecs.Components.Network.NetworkColumns.Synapses);
        for (int s = 0; s < raw.Length; s += 3)
        {
            raw[s].Weight = (sbyte)(raw[s].Weight >= 0 ? 127 : -127);
            raw[s].Delay = 1;
        }

        var reference = new ReferenceNetwork();
        reference.AddPool(a);
        reference.AddPool(b);
        foreach (var projection in projections)
            reference.AddProjection(projection);
        var rng = new Random(cellsA);
        var inputs = new[] { new short[cellsA], new short[cellsB] };
        for (int t = 0; t < ticks; t++)
        {
            for (int p = 0; p < 2; p++)
            {
                for (int i = 0; i < inputs[p].Length; i++)
                    inputs[p][i] = rng.Next(8) switch { 0 => 12000, 1 => (short)rng.Next(-3000, 3000), _ => 0 };
                pools[p].SetInput(inputs[p]);
            }

            reference.Tick(inputs);
            world.Step();
            reference.AssertMatches(pools, projections, t);
        }

        Assert.That(reference.ProjectionEvents, Is.GreaterThan(ticks * 50L), "projections must carry spikes");
    }
}
