using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// The edge-table columns the gate kernel uses (target, gate state, last step), taken once per
/// pass (arrays, stale once the table grows, which no pass does).
/// </summary>
internal readonly struct GateColumns(Table table)
{
    public readonly int[] Target = table.DangerousGetArray(RegionColumns.EdgeTarget);
    public readonly double[] Strength = table.DangerousGetArray(RegionColumns.GateStrength);
    public readonly double[] Threshold = table.DangerousGetArray(RegionColumns.GateThreshold);
    public readonly double[] EmaRate = table.DangerousGetArray(RegionColumns.GateEmaRate);
    public readonly int[] Hits = table.DangerousGetArray(RegionColumns.GateHits);
    public readonly byte[] Flags = table.DangerousGetArray(RegionColumns.GateFlags);
    public readonly long[] LastStep = table.DangerousGetArray(RegionColumns.EdgeLastStep);
}
