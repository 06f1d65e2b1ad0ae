using GrowNet.Ecs.Components.Network;
using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems.Pool;

namespace GrowNet.Ecs.Systems.Network;

/// <summary>
/// Projection transmission (network.md, "Projections"), in the Propagate phase after every pool
/// has drained its ring, integrated its cells and propagated its own synapses: projections in
/// creation order; for each spiking cell of A in ascending order, over its row in order, the
/// eligibility is decayed lazily and marked with B's <c>spikeOut</c> of this tick, and
/// <c>weight * 64</c> is added with i16 saturation to B's ring slot
/// <c>(writeHead_B + delay − 1) % maxDelay_B</c>. It runs the pool's own synapse-event kernel
/// (<see cref="SynapseEventKernel"/>) with A's spike list and the projection's store, B's ring
/// and spike flags; large ticks are split by B's target ranges (<see cref="TargetSplit"/>), so
/// every ring cell gets the reference sequence of adds on any thread count. Then every
/// projection's clock advances (the lazy eligibility decay of this tick).
/// </summary>
public sealed class ProjectionSystem : ISystem
{
    private readonly NetworkRuntime runtime;
    private readonly SynapseTransmitter transmitter = new();

    internal ProjectionSystem(NetworkRuntime runtime) => this.runtime = runtime;

    /// <inheritdoc />
    public string Name => "ProjectionTransmit";

    /// <inheritdoc />
    public void Update(World world)
    {
        runtime.Refresh(world);
        foreach (var entity in runtime.Projections)
        {
            ref var state = ref world.Get<ProjectionState>(entity);
            Transmit(world, world.Get<ProjectionConfig>(entity), state);
            state.TickCount++;
        }
    }

    private void Transmit(World world, in ProjectionConfig config, in ProjectionState state)
    {
        transmitter.Prepare(world, state.Synapses);
        ref readonly var source = ref world.Get<PoolState>(state.Source);
        int spikes = source.LastSpikeCount;
        var synapseTable = world.GetTable(state.Synapses);
        if (spikes == 0 || synapseTable.Count == 0)
            return;
        ref readonly var target = ref world.Get<PoolState>(state.Target);
        var targetCells = world.GetTable(target.Cells);
        var rowTable = world.GetTable(state.Rows);
        var arrays = new SynapseStoreArrays(
            world.GetTable(source.Cells).DangerousGetArray(PoolColumns.SpikeList), spikes,
            rowTable.DangerousGetArray(NetworkColumns.RowStart), rowTable.DangerousGetArray(NetworkColumns.EligibilityStamp), rowTable.Count,
            synapseTable.DangerousGetArray(NetworkColumns.Synapses), synapseTable.Count,
            world.GetTable(target.DelayRing).DangerousGetArray(PoolColumns.DelaySlot), targetCells.DangerousGetArray(PoolColumns.SpikeOut),
            targetCells.Count);
        // B drained this tick already, so its write head is the slot of delay 1.
        var rules = new SynapseTransmitRules(state.TickCount, state.RowsSorted != 0, target.WriteHead, world.Get<PoolConfig>(state.Target).MaxDelay,
            config.TraceDecay, config.StdpPositive, config.StdpNegative);
        transmitter.Run(world, state.Synapses, arrays, rules);
    }
}
