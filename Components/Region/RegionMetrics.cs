using GrowNet.Ecs.Engine;
using System.Runtime.InteropServices;

namespace GrowNet.Ecs.Components.Region;

/// <summary>
/// What the last tick did (grownet.md "The region tick"); a component of the region entity,
/// rewritten every tick. Fires per layer are in each layer's <see cref="LayerState.FiredCount"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct RegionMetrics : IComponent
{
    /// <inheritdoc />
    public static string StableName => "region.metrics";

    /// <summary>Bus step the tick ran at (before its decay).</summary>
    public long Step;
    /// <summary>Deliveries made by the phase B flush.</summary>
    public long DeliveredEvents;
    /// <summary>Slots over all slot neurons after the tick.</summary>
    public long TotalSlots;
    /// <summary>Edges over all tracts after the tick.</summary>
    public long TotalSynapses;
    /// <summary>Neurons added by growth this tick.</summary>
    public int GrownNeurons;
    /// <summary>Layers added by growth this tick.</summary>
    public int GrownLayers;
    /// <summary>Within-layer edges removed by automatic pruning this tick.</summary>
    public int PrunedSynapses;
    /// <summary>Between-layer edges removed by automatic pruning this tick.</summary>
    public int PrunedEdges;
    /// <summary>Whether <see cref="Spatial"/> was computed (a 2D tick with spatial metrics on).</summary>
    public bool HasSpatial;
    // Declared padding, so it is always zero (world bytes and state hashes are raw bytes).
#pragma warning disable CS0169
    private byte padding49;
    private short padding50;
    private int padding52;
#pragma warning restore CS0169
    /// <summary>Spatial metrics of the output frame, or of the input frame when the output has no active pixel.</summary>
    public SpatialSummary Spatial;

    /// <summary>One line, e.g. <c>step 12: delivered 30, slots 52, synapses 208, grown 0 neurons 0 layers, pruned 0 synapses 0 edges</c>.</summary>
    public override readonly string ToString()
    {
        string line = $"step {Step}: delivered {DeliveredEvents}, slots {TotalSlots}, synapses {TotalSynapses}, " +
                      $"grown {GrownNeurons} neurons {GrownLayers} layers, pruned {PrunedSynapses} synapses {PrunedEdges} edges";
        return HasSpatial
            ? line + $", active {Spatial.ActivePixels} pixels, centroid ({Spatial.CentroidRow:G6}, {Spatial.CentroidCol:G6}), " +
                     $"bbox rows {Spatial.RowMin}..{Spatial.RowMax} cols {Spatial.ColMin}..{Spatial.ColMax}"
            : line;
    }
}
