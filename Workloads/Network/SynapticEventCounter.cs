using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems.Network;
using GrowNet.Ecs.Systems.Pool;

namespace GrowNet.Ecs.Workloads.Network;

/// <summary>
/// Synaptic events of a world's last tick: for every pool, the row lengths of its spiking cells
/// in its own store, plus for every projection the row lengths of its source's spiking cells.
/// One event is one synapse reached by a spike (the unit of docs/performance.md). Reads only row
/// starts and spike lists, so counting changes nothing in the world, and allocates nothing (a
/// benchmark counts inside its ops).
/// </summary>
public sealed class SynapticEventCounter
{
    private readonly World world;
    private readonly NeuronPool[] pools;
    private readonly Projection[] projections;
    private readonly NeuronPool[] projectionSources;

    /// <summary>A counter over the pools and projections <paramref name="world"/> holds now.</summary>
    public SynapticEventCounter(World world)
    {
        this.world = world ?? throw new ArgumentNullException(nameof(world));
        pools = [.. NeuronPool.All(world)];
        projections = [.. Projection.All(world)];
        projectionSources = [.. projections.Select(projection => projection.Source)];
    }

    /// <summary>Events of the last tick inside pools (their own synapses).</summary>
    public long LastIntraPoolEvents()
    {
        long events = 0;
        foreach (var pool in pools)
        {
            var view = pool.View();
            foreach (int cell in view.SpikeList[..pool.LastSpikeCount])
                events += view.RowEnd(cell) - (int)view.RowStart[cell];
        }

        return events;
    }

    /// <summary>Events of the last tick carried by projections.</summary>
    public long LastProjectionEvents()
    {
        long events = 0;
        for (int p = 0; p < projections.Length; p++)
        {
            var projection = projections[p];
            var source = projectionSources[p];
            var spikes = source.View().SpikeList[..source.LastSpikeCount];
            var rowStart = projection.RowStart;
            int count = projection.SynapseCount;
            foreach (int cell in spikes)
                events += (cell + 1 < rowStart.Length ? (int)rowStart[cell + 1] : count) - (int)rowStart[cell];
        }

        return events;
    }

    /// <summary>Runs <paramref name="ticks"/> ticks and returns the mean events per tick (intra-pool, projected) and spikes per tick.</summary>
    public (double IntraEvents, double ProjectionEvents, double Spikes) Sample(int ticks)
    {
        long intra = 0, projected = 0, spikes = 0;
        for (int t = 0; t < ticks; t++)
        {
            world.Step();
            intra += LastIntraPoolEvents();
            projected += LastProjectionEvents();
            foreach (var pool in pools)
                spikes += pool.LastSpikeCount;
        }

        return ticks == 0 ? (0, 0, 0) : ((double)intra / ticks, (double)projected / ticks, (double)spikes / ticks);
    }
}
