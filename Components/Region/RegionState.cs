using System.Runtime.InteropServices;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Components.Region;

/// <summary>
/// The region's tables and growth bookkeeping; a component of the region entity. The layer,
/// tract and port tables list the entities in index order (layer index = row).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct RegionState : IComponent
{
    /// <inheritdoc />
    public static string StableName => "region.state";

    /// <summary>Layer entities, one row per layer index (<see cref="RegionColumns.LayerEntity"/>).</summary>
    public TableHandle Layers;
    /// <summary>Tract entities in creation order (<see cref="RegionColumns.TractEntity"/>).</summary>
    public TableHandle Tracts;
    /// <summary>Port entities in creation order (<see cref="RegionColumns.PortEntity"/>).</summary>
    public TableHandle Ports;
    /// <summary>Recorded mesh rules in recording order (<see cref="RegionColumns.MeshRules"/>).</summary>
    public TableHandle MeshRules;
    /// <summary>Draws taken so far from the region's wiring stream (construction and autowiring).</summary>
    public ulong WiringDraws;
    /// <summary>Step of the last layer added by growth.</summary>
    public long LastLayerGrowthStep;
    /// <summary>Whether growth has added a layer (so <see cref="LastLayerGrowthStep"/> is valid).</summary>
    public bool HasGrownLayer;
    // Declared padding, so it is always zero (world bytes and state hashes are raw bytes).
#pragma warning disable CS0169
    private byte padding49;
    private short padding50;
#pragma warning restore CS0169
    /// <summary>Index of the first InputLayer2D fed this tick (−1 when none): the spatial metrics' input frame.</summary>
    public int SpatialInputLayer;
}
