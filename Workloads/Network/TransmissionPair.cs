using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Network;
using GrowNet.Ecs.Systems.Pool;

namespace GrowNet.Ecs.Workloads.Network;

/// <summary>
/// Two worlds that run bit for bit the same tick by tick, for comparing the cost of a projection's
/// synaptic event with a pool's own (issue 12 goal ≤ 1.2×): pool <c>p</c> with standard synapses
/// (in-degree <c>inDegree</c>) and a Poisson drive, and an empty pool <c>p</c> with the same drive
/// and a projection <c>p->p</c> holding exactly those synapses in the same row order. Cells start
/// alike whatever the generator, a projection onto its own pool adds into the same ring slots in
/// the same order as the pool's synapses, with the same eligibility rules; so both worlds spike
/// alike and every tick has the same events, which only different systems transmit. The pool
/// system's time in the projection world is the tick without any transmission, which isolates both
/// per-event costs (<c>Systems/Pool</c> and <c>ProjectionTransmit</c> timings of the world's scheduler).
/// </summary>
public static class TransmissionPair
{
    /// <summary>Poisson drive: chance per cell and tick of a drive spike.</summary>
    public const double DriveRate = 0.02;

    /// <summary>Builds the world of <paramref name="shape"/> (one thread; <paramref name="seed"/> draws the synapses and the drive).</summary>
    public static World Create(TransmissionShape shape, int cells, int inDegree, ulong seed = 1)
    {
        double density = Math.Min(1.0, inDegree / (double)Math.Max(cells - 1, 1));
        var world = Pipeline.CreateWorld(seed);
        world.SetThreadCount(1);
        if (shape == TransmissionShape.Intra)
        {
            NeuronPool.Create(world, "p", PoolDefinition.Standard(cells, density));
            AddDrive(world);
            return world;
        }

        ExplicitSynapse[] synapses;
        using (var donor = Pipeline.CreateWorld(seed))
            synapses = CopySynapses(NeuronPool.Create(donor, "p", PoolDefinition.Standard(cells, density)));
        NeuronPool.Create(world, "p", PoolDefinition.Empty(cells));
        AddDrive(world);
        NetworkBuilder.Connect(world, "p->p", "p", "p", ProjectionDefinition.Explicit(synapses));
        return world;
    }

    private static void AddDrive(World world)
        => NetworkBuilder.AddSource(world, "drive", SourceDefinition.Poisson("p/current", DriveRate, scale: ScaleNetwork.DriveCurrent));

    /// <summary>The pool's synapses as explicit synapses, row after row.</summary>
    private static ExplicitSynapse[] CopySynapses(NeuronPool pool)
    {
        var view = pool.View();
        var copy = new ExplicitSynapse[view.Synapses.Length];
        for (int cell = 0; cell < view.CellCount; cell++)
        {
            for (int s = (int)view.RowStart[cell]; s < view.RowEnd(cell); s++)
            {
                var synapse = view.Synapses[s];
                copy[s] = new ExplicitSynapse(cell, synapse.Target, synapse.Weight, synapse.Delay);
            }
        }

        return copy;
    }
}
