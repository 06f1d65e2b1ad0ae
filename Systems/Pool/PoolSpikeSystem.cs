using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using CommunityToolkit.HighPerformance;
using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Pool;

/// <summary>
/// Pool tick steps 1–3 (pool.md, "Tick"), fused per pool because each step feeds the next:
/// drain the delay ring, integrate every cell (refractory, leak, input, synaptic current,
/// threshold, trace), then propagate each spike along its CSR row in source order, marking
/// eligibility (with the exact lazy decay of <see cref="PoolEligibility"/>) and adding
/// <c>weight * 64</c> to the ring slot <c>delay</c> ticks ahead with i16 saturation after every add.
/// </summary>
/// <remarks>
/// Large pools run on the world's worker pool without changing a single bit:
/// <list type="bullet">
/// <item>cells are integrated in fixed blocks, each block listing its spikes in its own part of
/// the spike list, and the parts are joined in block order (= ascending cell order);</item>
/// <item>propagation is split by <em>target</em> range: every worker walks all spiking rows in
/// source order but touches only synapses whose target lies in its range, so each ring slot
/// and each synapse sees exactly the reference sequence of saturating adds. With rows in
/// ascending target order (<see cref="PoolState.RowsSorted"/>) a worker finds its part of a row
/// by binary search; otherwise it filters.</item>
/// </list>
/// Any partition gives the same bytes, so the result does not depend on the thread count.
/// </remarks>
public sealed partial class PoolSpikeSystem : ISystem
{
    /// <summary>Cells per integration block when cells are integrated in parallel.</summary>
    public const int CellBlock = 8192;

    /// <summary>Expected synaptic events per tick (spikes × mean row length) below which propagation stays on the calling thread.</summary>
    public const int ParallelEventThreshold = 16384;

    private static readonly ComponentSet PoolSet = ComponentSet.Of<PoolConfig, PoolState>();
    private readonly int[] blockSpikeCounts = new int[PoolFactory.MaxCells / CellBlock + 1];
    private readonly SynapseTransmitter transmitter = new();

    /// <inheritdoc />
    public string Name => "PoolSpike";

    /// <inheritdoc />
    public void Update(World world)
    {
        foreach (var table in world.Query(PoolSet))
        {
            var configs = table.Span<PoolConfig>();
            var states = table.Span<PoolState>();
            for (int row = 0; row < table.Count; row++)
            {
                // A remote pool's state lives on another rank; its spikes arrive through the exchange.
                if (world.IsRemote(table.Entities[row]))
                    continue;
                TickPool(world, in configs[row], ref states[row]);
            }
        }
    }

    /// <summary>Runs steps 1–3 of one pool tick.</summary>
    public void TickPool(World world, in PoolConfig config, ref PoolState state)
    {
        var cells = world.GetTable(state.Cells);
        int n = cells.Count;
        transmitter.Prepare(world, state.Cells);

        Drain(config, ref state, cells, world.GetTable(state.DelayRing), n);
        var integrate = new IntegrateAction(cells, config, Math.Min(state.InputLength, n), blockSpikeCounts);
        bool parallelCells = n > CellBlock && world.Parallel.ThreadCount > 1;
        if (parallelCells)
            world.Parallel.For(n, CellBlock, integrate);
        else
            integrate.Execute(0, n);
        state.LastSpikeCount = parallelCells ? JoinSpikeLists(cells.DangerousGetArray(PoolColumns.SpikeList), n) : blockSpikeCounts[0];
        if (state.LastSpikeCount > 0)
            transmitter.Run(world, state.Cells, SynapseStoreArrays.OfPool(world, state), SynapseTransmitRules.OfPool(config, state));
    }

    private static void Drain(in PoolConfig config, ref PoolState state, Table cells, Table delayRing, int n)
    {
        var slot = delayRing.Span(PoolColumns.DelaySlot).Slice(state.WriteHead * n, n);
        slot.CopyTo(cells.Span(PoolColumns.SynapticCurrent));
        slot.Clear();
        state.WriteHead = (state.WriteHead + 1) % config.MaxDelay;
    }

    /// <summary>Moves each block's spikes down behind the previous blocks' (ascending cell order).</summary>
    private int JoinSpikeLists(int[] spikeList, int n)
    {
        int blocks = (n + CellBlock - 1) / CellBlock;
        int total = blockSpikeCounts[0];
        for (int block = 1; block < blocks; block++)
        {
            int count = blockSpikeCounts[block];
            Array.Copy(spikeList, block * CellBlock, spikeList, total, count);
            total += count;
        }

        return total;
    }
}
