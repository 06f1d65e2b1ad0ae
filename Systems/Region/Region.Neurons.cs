using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>Inspection and freezing of slot neurons and their slots.</summary>
public sealed partial class Region
{
    /// <summary>A copy of one slot neuron's scalars.</summary>
    public NeuronSnapshot Neuron(int layer, int neuron)
    {
        var entity = SlotLayer(layer);
        int row = CheckNeuron(entity, layer, neuron);
        var n = World.GetTable(World.Get<LayerState>(entity).Neurons);
        var flags = n.Span(RegionColumns.NeuronFlags)[row];
        int limit = (flags & NeuronFlags.HasSlotLimit) != 0 ? n.Span(RegionColumns.SlotLimit)[row] : World.Get<SlotConfig>(entity).SlotLimit;
        return new NeuronSnapshot(n.Span(RegionColumns.NeuronKind)[row], n.Span(RegionColumns.SlotCount)[row], limit, n.Span(RegionColumns.LastInput)[row],
            (flags & NeuronFlags.FiredLast) != 0, (flags & NeuronFlags.LastSlotUsedFallback) != 0,
            (flags & NeuronFlags.HasLastSlot) != 0 ? n.Span(RegionColumns.LastSlotKey)[row] : null, n.Span(RegionColumns.FallbackStreak)[row]);
    }

    /// <summary>Number of slots of a neuron.</summary>
    public int SlotCount(int layer, int neuron) => Neuron(layer, neuron).SlotCount;

    /// <summary>The slot keys of a neuron in creation order (see <see cref="SlotKey"/>).</summary>
    public long[] SlotKeys(int layer, int neuron)
    {
        var (slots, start, count) = SlotRange(layer, neuron);
        return slots.Span(RegionColumns.SlotKeyColumn).Slice(start, count).ToArray();
    }

    /// <summary>The scalar slot ids of a neuron in creation order.</summary>
    public long[] SlotIds(int layer, int neuron) => Array.FindAll(SlotKeys(layer, neuron), k => !SlotKey.IsSpatial(k));

    /// <summary>The 2D slot bins of a neuron in creation order.</summary>
    public (int Row, int Col)[] SlotBins2D(int layer, int neuron)
        => Array.ConvertAll(Array.FindAll(SlotKeys(layer, neuron), SlotKey.IsSpatial), k => (SlotKey.RowBin(k), SlotKey.ColBin(k)));

    /// <summary>A copy of slot <paramref name="slot"/> (creation order) of a neuron.</summary>
    public Weight Slot(int layer, int neuron, int slot)
    {
        var (slots, start, count) = SlotRange(layer, neuron);
        if ((uint)slot >= (uint)count)
            throw new ArgumentOutOfRangeException(nameof(slot), slot, $"Neuron {neuron} of layer {layer} has {count} slots.");
        int i = start + slot;
        return new Weight
        {
            Strength = slots.Span(RegionColumns.SlotStrength)[i], Threshold = slots.Span(RegionColumns.SlotThreshold)[i],
            EmaRate = slots.Span(RegionColumns.SlotEmaRate)[i], Hits = slots.Span(RegionColumns.SlotHits)[i], Flags = (WeightFlags)slots.Span(RegionColumns.SlotFlags)[i],
        };
    }

    /// <summary><c>NeuronValue(mode)</c>: "readiness", "firing_rate" or "memory".</summary>
    public double NeuronValue(int layer, int neuron, string mode)
    {
        ArgumentNullException.ThrowIfNull(mode);
        var parsed = mode.ToLowerInvariant() switch
        {
            "readiness" => NeuronValueMode.Readiness,
            "firing_rate" or "firingrate" => NeuronValueMode.FiringRate,
            "memory" => NeuronValueMode.Memory,
            _ => throw new ArgumentException($"Unknown neuron value mode '{mode}': use readiness, firing_rate or memory.", nameof(mode)),
        };
        return NeuronValue(layer, neuron, parsed);
    }

    /// <summary><c>NeuronValue(mode)</c>; 0 for a neuron without slots.</summary>
    public double NeuronValue(int layer, int neuron, NeuronValueMode mode)
    {
        if (!Enum.IsDefined(mode))
            throw new ArgumentException($"Unknown neuron value mode {(int)mode}.", nameof(mode));
        var (slots, start, count) = SlotRange(layer, neuron);
        if (count == 0)
            return 0;
        var strength = slots.Span(RegionColumns.SlotStrength).Slice(start, count);
        var threshold = slots.Span(RegionColumns.SlotThreshold).Slice(start, count);
        var emaRate = slots.Span(RegionColumns.SlotEmaRate).Slice(start, count);
        double result = mode == NeuronValueMode.Readiness ? double.NegativeInfinity : 0;
        for (int i = 0; i < count; i++)
        {
            result = mode switch
            {
                NeuronValueMode.Readiness => Math.Max(result, strength[i] - threshold[i]),
                NeuronValueMode.FiringRate => result + emaRate[i],
                _ => result + Math.Abs(strength[i]),
            };
        }

        return mode == NeuronValueMode.FiringRate ? result / count : result;
    }

    /// <summary>Freezes the neuron's last selected slot; false when it has none.</summary>
    public bool FreezeLastSlot(int layer, int neuron) => SetLastSlotFrozen(layer, neuron, frozen: true);

    /// <summary>Unfreezes the neuron's last selected slot and makes the next input reuse exactly that slot once; false when it has none.</summary>
    public bool UnfreezeLastSlot(int layer, int neuron) => SetLastSlotFrozen(layer, neuron, frozen: false);

    private bool SetLastSlotFrozen(int layer, int neuron, bool frozen)
    {
        ThrowIfTicking();
        var entity = SlotLayer(layer);
        int row = CheckNeuron(entity, layer, neuron);
        var state = World.Get<LayerState>(entity);
        var neurons = World.GetTable(state.Neurons);
        ref var flags = ref neurons.Span(RegionColumns.NeuronFlags)[row];
        if ((flags & NeuronFlags.HasLastSlot) == 0)
            return false;
        var slotFlags = World.GetTable(state.Slots).Span(RegionColumns.SlotFlags);
        var keys = World.GetTable(state.Slots).Span(RegionColumns.SlotKeyColumn)
            .Slice(neurons.Span(RegionColumns.SlotStart)[row], neurons.Span(RegionColumns.SlotCount)[row]);
        int index = keys.IndexOf(neurons.Span(RegionColumns.LastSlotKey)[row]);
        if (index < 0)
            return false;
        index += neurons.Span(RegionColumns.SlotStart)[row];
        if (frozen)
        {
            slotFlags[index] |= (byte)WeightFlags.Frozen;
        }
        else
        {
            slotFlags[index] &= unchecked((byte)~WeightFlags.Frozen);
            flags |= NeuronFlags.PreferLastSlotOnce;
        }

        return true;
    }

    /// <summary>A slot neuron's slot table and the start and count of its slots in it.</summary>
    private (Table Slots, int Start, int Count) SlotRange(int layer, int neuron)
    {
        var entity = SlotLayer(layer);
        int row = CheckNeuron(entity, layer, neuron);
        var state = World.Get<LayerState>(entity);
        var n = World.GetTable(state.Neurons);
        return (World.GetTable(state.Slots), n.Span(RegionColumns.SlotStart)[row], n.Span(RegionColumns.SlotCount)[row]);
    }

}
