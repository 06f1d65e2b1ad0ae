using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Components.Network;

/// <summary>Column keys and table declarations of the network objects (stable names, stored in world files).</summary>
public static class NetworkColumns
{
    /// <summary>Projection row start (per cell of the source pool).</summary>
    public static readonly ColumnKey<uint> RowStart = new("network.projection.rowStart");
    /// <summary>Projection lazy-eligibility stamp (per cell of the source pool), in projection ticks.</summary>
    public static readonly ColumnKey<ulong> EligibilityStamp = new("network.projection.eligibilityStamp");
    /// <summary>Projection synapses (pool synapse layout; targets are cells of the target pool).</summary>
    public static readonly ColumnKey<Synapse> Synapses = new("network.projection.synapse");
    /// <summary>Link snapshot: the mapped source value read at the start of the tick.</summary>
    public static readonly ColumnKey<double> LinkSnapshot = new("network.link.snapshot");
    /// <summary>Link EMA state (0 at creation).</summary>
    public static readonly ColumnKey<double> LinkEma = new("network.link.ema");
    /// <summary>Source <c>value</c> port.</summary>
    public static readonly ColumnKey<double> SourceValue = new("network.source.value");
    /// <summary>Source frames (sequence and file sources).</summary>
    public static readonly ColumnKey<double> SourceFrame = new("network.source.frame");
    /// <summary>Source file path, UTF-8.</summary>
    public static readonly ColumnKey<byte> SourcePath = new("network.source.path");
    /// <summary>Modulator terms.</summary>
    public static readonly ColumnKey<ModulatorTerm> Terms = new("network.modulator.term");

    /// <summary>A projection's row table.</summary>
    public static TableDeclaration ProjectionRows { get; } = new("network.projection.rows", RowStart, EligibilityStamp);
    /// <summary>A projection's synapse table.</summary>
    public static TableDeclaration ProjectionSynapses { get; } = new("network.projection.synapses", Synapses);
    /// <summary>A link's value table.</summary>
    public static TableDeclaration LinkValues { get; } = new("network.link.values", LinkSnapshot, LinkEma);
    /// <summary>A source's value table.</summary>
    public static TableDeclaration SourceValues { get; } = new("network.source.values", SourceValue);
    /// <summary>A source's frame table.</summary>
    public static TableDeclaration SourceFrames { get; } = new("network.source.frames", SourceFrame);
    /// <summary>A file source's path table.</summary>
    public static TableDeclaration SourcePaths { get; } = new("network.source.paths", SourcePath);
    /// <summary>A modulator's term table.</summary>
    public static TableDeclaration ModulatorTerms { get; } = new("network.modulator.terms", Terms);

    /// <summary>Every network column and component, declared once (the world codec resolves names with them).</summary>
    public static IReadOnlyList<ColumnKey> All { get; } =
    [
        ComponentType<NetworkState>.Key, ComponentType<ProjectionConfig>.Key, ComponentType<ProjectionState>.Key,
        ComponentType<LinkState>.Key, ComponentType<LinkThreshold>.Key, ComponentType<SourceState>.Key, ComponentType<ModulatorState>.Key,
        RowStart, EligibilityStamp, Synapses, LinkSnapshot, LinkEma, SourceValue, SourceFrame, SourcePath, Terms,
    ];
}
