using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Systems.Pool;

namespace GrowNet.Ecs.Workloads.Pool;

/// <summary>
/// A copy of everything a pool tick reads or writes (every cell column, the synapses, the delay
/// ring, <see cref="PoolState"/> and the world's tick), so a benchmark can rewind to the same
/// point of the deterministic run and time the same ticks again. Capture allocates once;
/// <see cref="Restore"/> only copies.
/// </summary>
public sealed class PoolSnapshot
{
    private readonly short[] membrane, threshold, synapticCurrent, input, ring;
    private readonly byte[] leak, refract, flags, spikeOut;
    private readonly sbyte[] trace;
    private readonly ushort[] spikeRate;
    private readonly uint[] rowStart;
    private readonly ulong[] stamps;
    private readonly int[] spikeList;
    private readonly Synapse[] synapses;
    private readonly PoolState state;
    private readonly ulong worldTick;

    /// <summary>Captures <paramref name="pool"/> and its world's tick.</summary>
    public PoolSnapshot(NeuronPool pool)
    {
        var view = pool.View();
        membrane = view.Membrane.ToArray();
        threshold = view.Threshold.ToArray();
        leak = view.Leak.ToArray();
        refract = view.Refract.ToArray();
        flags = view.Flags.ToArray();
        trace = view.Trace.ToArray();
        spikeOut = view.SpikeOut.ToArray();
        synapticCurrent = view.SynapticCurrent.ToArray();
        spikeRate = view.SpikeRate.ToArray();
        input = view.Input.ToArray();
        rowStart = view.RowStart.ToArray();
        stamps = view.EligibilityStamp.ToArray();
        spikeList = view.SpikeList.ToArray();
        synapses = view.Synapses.ToArray();
        ring = view.DelayRing.ToArray();
        state = pool.State;
        worldTick = pool.World.Tick;
    }

    /// <summary>Puts <paramref name="pool"/> (the one captured, unchanged in shape) back to the captured state.</summary>
    public void Restore(NeuronPool pool)
    {
        var view = pool.View();
        if (view.CellCount != membrane.Length || view.Synapses.Length != synapses.Length || view.DelayRing.Length != ring.Length)
            throw new InvalidOperationException("The pool changed shape since the snapshot was taken.");
        membrane.CopyTo(view.Membrane);
        threshold.CopyTo(view.Threshold);
        leak.CopyTo(view.Leak);
        refract.CopyTo(view.Refract);
        flags.CopyTo(view.Flags);
        trace.CopyTo(view.Trace);
        spikeOut.CopyTo(view.SpikeOut);
        synapticCurrent.CopyTo(view.SynapticCurrent);
        spikeRate.CopyTo(view.SpikeRate);
        input.CopyTo(view.Input);
        rowStart.CopyTo(view.RowStart);
        stamps.CopyTo(view.EligibilityStamp);
        spikeList.CopyTo(view.SpikeList);
        synapses.CopyTo(view.Synapses);
        ring.CopyTo(view.DelayRing);
        pool.World.Get<PoolState>(pool.Entity) = state;
        pool.World.Tick = worldTick;
    }
}
