using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
public sealed class PoolSpikeSystem : ISystem
{
    private static readonly ComponentSet PoolSet = ComponentSet.Of<PoolConfig, PoolState>();

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
                TickPool(world, in configs[row], ref states[row]);
        }
    }

    /// <summary>Runs steps 1–3 of one pool tick.</summary>
    public static void TickPool(World world, in PoolConfig config, ref PoolState state)
    {
        var view = new PoolView(world, state);
        Drain(config, ref state, view);
        state.LastSpikeCount = IntegrateCells(config, state.InputLength, view);
        Propagate(config, state, view, state.LastSpikeCount);
    }

    private static void Drain(in PoolConfig config, ref PoolState state, PoolView view)
    {
        int n = view.CellCount;
        var slot = view.DelayRing.Slice(state.WriteHead * n, n);
        slot.CopyTo(view.SynapticCurrent);
        slot.Clear();
        state.WriteHead = (state.WriteHead + 1) % config.MaxDelay;
    }

    private static int IntegrateCells(in PoolConfig config, int inputLength, PoolView view)
    {
        int n = view.CellCount;
        ref short membrane = ref MemoryMarshal.GetReference(view.Membrane);
        ref short threshold = ref MemoryMarshal.GetReference(view.Threshold);
        ref byte leak = ref MemoryMarshal.GetReference(view.Leak);
        ref byte refract = ref MemoryMarshal.GetReference(view.Refract);
        ref sbyte trace = ref MemoryMarshal.GetReference(view.Trace);
        ref byte spikeOut = ref MemoryMarshal.GetReference(view.SpikeOut);
        ref short synaptic = ref MemoryMarshal.GetReference(view.SynapticCurrent);
        ref short input = ref MemoryMarshal.GetReference(view.Input);
        ref int spikeList = ref MemoryMarshal.GetReference(view.SpikeList);
        int resting = config.Resting;
        int reset = config.Reset;
        byte refractoryTicks = config.RefractoryTicks;
        int stdpPositive = config.StdpPositive;
        int traceDecay = config.TraceDecay;
        int inputCells = Math.Min(inputLength, n);
        int spikes = 0;
        for (int i = 0; i < n; i++)
        {
            ref byte cellRefract = ref Unsafe.Add(ref refract, i);
            if (cellRefract > 0)
            {
                cellRefract--;
                Unsafe.Add(ref spikeOut, i) = 0;
                continue;
            }

            ref short cellMembrane = ref Unsafe.Add(ref membrane, i);
            int m = cellMembrane;
            int shift = 8 - Math.Min((int)Unsafe.Add(ref leak, i), 7);
            m = Clamp16(m + ((resting - m) >> shift));
            if (i < inputCells)
                m = Clamp16(m + Unsafe.Add(ref input, i));
            m = Clamp16(m + Unsafe.Add(ref synaptic, i));
            int cellTrace = Unsafe.Add(ref trace, i);
            if (m >= Unsafe.Add(ref threshold, i))
            {
                Unsafe.Add(ref spikeOut, i) = 1;
                m = reset;
                cellRefract = refractoryTicks;
                cellTrace = Math.Clamp(cellTrace + stdpPositive, sbyte.MinValue, sbyte.MaxValue);
                Unsafe.Add(ref spikeList, spikes++) = i;
            }
            else
            {
                Unsafe.Add(ref spikeOut, i) = 0;
            }

            // 16-bit product, truncated toward zero (C# int division truncates).
            Unsafe.Add(ref trace, i) = (sbyte)((short)(cellTrace * traceDecay) / 256);
            cellMembrane = (short)m;
        }

        return spikes;
    }

    private static void Propagate(in PoolConfig config, in PoolState state, PoolView view, int spikes)
    {
        if (spikes == 0)
            return;
        int n = view.CellCount;
        // Ring offset for every possible delay byte: slot (writeHead + max(d,1) − 1) % maxDelay.
        Span<int> slotOffset = stackalloc int[256];
        for (int d = 0; d < 256; d++)
            slotOffset[d] = (state.WriteHead + Math.Max(d, 1) - 1) % config.MaxDelay * n;
        var decayTable = PoolEligibility.TableFor(config.TraceDecay);
        ulong tick = state.TickCount;
        int stdpPositive = config.StdpPositive;
        int stdpNegative = config.StdpNegative;
        ref Synapse synapses = ref MemoryMarshal.GetReference(view.Synapses);
        ref short ring = ref MemoryMarshal.GetReference(view.DelayRing);
        ref byte spikeOut = ref MemoryMarshal.GetReference(view.SpikeOut);
        ref int offsets = ref MemoryMarshal.GetReference(slotOffset);
        var rowStart = view.RowStart;
        var stamps = view.EligibilityStamp;
        var spikeList = view.SpikeList;
        for (int k = 0; k < spikes; k++)
        {
            int source = spikeList[k];
            int start = (int)rowStart[source];
            int end = view.RowEnd(source);
            ulong elapsed = tick - stamps[source];
            stamps[source] = tick;
            int decayOffset = (int)Math.Min(elapsed, PoolEligibility.Horizon) * 256 + 128;
            for (int s = start; s < end; s++)
            {
                ref Synapse synapse = ref Unsafe.Add(ref synapses, s);
                int target = synapse.Target;
                if (target >= n)
                    continue;
                int eligibility = decayTable[decayOffset + synapse.Eligibility];
                eligibility += Unsafe.Add(ref spikeOut, target) != 0 ? stdpNegative : stdpPositive;
                synapse.Eligibility = (sbyte)Math.Clamp(eligibility, sbyte.MinValue, sbyte.MaxValue);
                ref short slot = ref Unsafe.Add(ref ring, Unsafe.Add(ref offsets, synapse.Delay) + target);
                slot = (short)Clamp16(slot + synapse.Weight * 64);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Clamp16(int value) => Math.Clamp(value, short.MinValue, short.MaxValue);
}
