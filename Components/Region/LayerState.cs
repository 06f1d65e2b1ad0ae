using System.Runtime.InteropServices;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Components.Region;

/// <summary>A layer's tables and per-tick counters; a component of every layer entity.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct LayerState : IComponent
{
    /// <inheritdoc />
    public static string StableName => "region.layerState";

    /// <summary>Neuron table of a slot layer (<see cref="RegionTables.Neurons"/>).</summary>
    public TableHandle Neurons;
    /// <summary>Slot table of a slot layer (<see cref="RegionTables.Slots"/>): one range per neuron.</summary>
    public TableHandle Slots;
    /// <summary>Pixel table of a 2D layer: the staged frame (input) or the output frame.</summary>
    public TableHandle Pixels;
    /// <summary>Fires of this layer's neurons during the current (or last) tick.</summary>
    public int FiredCount;
    /// <summary>Neurons whose slot range may need to grow (unlimited or large limit): the layer then runs serially.</summary>
    public int GrowableNeurons;
    /// <summary>Canonical position of this tick's first growth request (long.MaxValue: none).</summary>
    public long GrowthOrdinal;
    /// <summary>Row of the neuron that made this tick's first growth request.</summary>
    public int GrowthRow;
    /// <summary>Neurons added to this layer by growth since creation.</summary>
    public int GrownNeurons;
    /// <summary>How the next frame is staged (InputLayer2D).</summary>
    public FrameStaging Staging;
    // Declared padding, so it is always zero (world bytes and state hashes are raw bytes).
#pragma warning disable CS0169
    private byte padding49;
    private short padding50;
#pragma warning restore CS0169
    /// <summary>Fire count of the staged frame (InputLayer2D).</summary>
    public int StagedFired;
    /// <summary>Spatial metrics of the staged frame, when the region computes them (InputLayer2D).</summary>
    public SpatialSummary StagedSpatial;
}
