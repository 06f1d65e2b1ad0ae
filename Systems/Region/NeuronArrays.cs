using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// The backing arrays of a neuron table, gathered once per layer pass. Arrays (not spans) so a
/// parallel range action can carry them; valid until the table grows.
/// </summary>
internal struct NeuronArrays
{
    public int Count;
    public NeuronKind[] Kind;
    public NeuronFlags[] Flags;
    public int[] SlotLimit;
    public double[] Anchor;
    public int[] AnchorRow;
    public int[] AnchorCol;
    public double[] LastInput;
    public long[] LastSlotKey;
    public int[] FallbackStreak;
    public long[] LastGrowthStep;
    public int[] SlotStart;
    public int[] SlotCount;
    public int[] SlotCapacity;

    public static NeuronArrays From(World world, TableHandle handle)
    {
        var table = world.GetTable(handle);
        return new NeuronArrays
        {
            Count = table.Count,
            Kind = table.TypedColumn(RegionColumns.NeuronKind).DangerousGetArray(),
            Flags = table.TypedColumn(RegionColumns.NeuronFlags).DangerousGetArray(),
            SlotLimit = table.TypedColumn(RegionColumns.SlotLimit).DangerousGetArray(),
            Anchor = table.TypedColumn(RegionColumns.Anchor).DangerousGetArray(),
            AnchorRow = table.TypedColumn(RegionColumns.AnchorRow).DangerousGetArray(),
            AnchorCol = table.TypedColumn(RegionColumns.AnchorCol).DangerousGetArray(),
            LastInput = table.TypedColumn(RegionColumns.LastInput).DangerousGetArray(),
            LastSlotKey = table.TypedColumn(RegionColumns.LastSlotKey).DangerousGetArray(),
            FallbackStreak = table.TypedColumn(RegionColumns.FallbackStreak).DangerousGetArray(),
            LastGrowthStep = table.TypedColumn(RegionColumns.LastGrowthStep).DangerousGetArray(),
            SlotStart = table.TypedColumn(RegionColumns.SlotStart).DangerousGetArray(),
            SlotCount = table.TypedColumn(RegionColumns.SlotCount).DangerousGetArray(),
            SlotCapacity = table.TypedColumn(RegionColumns.SlotCapacity).DangerousGetArray(),
        };
    }
}
