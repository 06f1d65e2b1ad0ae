using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// The neuron-table columns a slot-layer kernel uses, taken once per pass (arrays, so a range
/// action can carry them; stale once the table grows, which no pass does).
/// </summary>
internal readonly struct NeuronColumns(Table table)
{
    public readonly int Count = table.Count;
    public readonly NeuronKind[] Kind = table.DangerousGetArray(RegionColumns.NeuronKind);
    public readonly NeuronFlags[] Flags = table.DangerousGetArray(RegionColumns.NeuronFlags);
    public readonly int[] SlotLimit = table.DangerousGetArray(RegionColumns.SlotLimit);
    public readonly double[] Anchor = table.DangerousGetArray(RegionColumns.Anchor);
    public readonly int[] AnchorRow = table.DangerousGetArray(RegionColumns.AnchorRow);
    public readonly int[] AnchorCol = table.DangerousGetArray(RegionColumns.AnchorCol);
    public readonly double[] LastInput = table.DangerousGetArray(RegionColumns.LastInput);
    public readonly long[] LastSlotKey = table.DangerousGetArray(RegionColumns.LastSlotKey);
    public readonly int[] FallbackStreak = table.DangerousGetArray(RegionColumns.FallbackStreak);
    public readonly long[] LastGrowthStep = table.DangerousGetArray(RegionColumns.LastGrowthStep);
    public readonly int[] SlotStart = table.DangerousGetArray(RegionColumns.SlotStart);
    public readonly int[] SlotCount = table.DangerousGetArray(RegionColumns.SlotCount);
    public readonly int[] SlotCapacity = table.DangerousGetArray(RegionColumns.SlotCapacity);
}
