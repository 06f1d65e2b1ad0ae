using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>The region builder and inspection: tracts and mesh rules.</summary>
public sealed partial class Region
{
    /// <summary>
    /// Builds a gated tract: for each source row and destination row (a neuron is never paired with
    /// itself) one draw from the region's wiring stream, an edge when it is below
    /// <paramref name="probability"/>. Records the mesh rule for autowiring; returns the edge count.
    /// </summary>
    public int ConnectLayers(int source, int destination, double probability, bool feedback = false)
    {
        ThrowIfTicking();
        RegionChecks.Probability(probability, nameof(probability));
        CheckTractEnds(source, destination);
        return TractBuilder.ConnectGated(World, Entity, source, destination, probability, feedback);
    }

    /// <summary>
    /// Builds a fixed windowed tract from an InputLayer2D (VALID or SAME windows; into an
    /// OutputLayer2D of the same shape by the center rule, into any other layer from every
    /// participating pixel to every neuron). Returns the number of distinct participating pixels.
    /// </summary>
    public int ConnectLayersWindowed(int source, int destination, int kernelHeight, int kernelWidth,
        int strideHeight, int strideWidth, WindowPadding padding = WindowPadding.Valid, bool feedback = false)
    {
        ThrowIfTicking();
        CheckWindow(source, destination, kernelHeight, kernelWidth, strideHeight, strideWidth, padding);
        return TractBuilder.ConnectWindowed(World, Entity, source, destination, new TractInfo
        {
            KernelHeight = kernelHeight,
            KernelWidth = kernelWidth,
            StrideHeight = strideHeight,
            StrideWidth = strideWidth,
            Padding = padding,
            Feedback = feedback,
        });
    }

    /// <summary>
    /// The topographic preset: windowed wiring from an InputLayer2D into an OutputLayer2D whose
    /// edge weights are exp(−d²/(2σ²)) by pixel distance, optionally normalised per center.
    /// Returns the number of distinct participating pixels.
    /// </summary>
    public int ConnectLayersTopographic(int source, int destination, TopographicOptions? options = null)
    {
        ThrowIfTicking();
        var o = options ?? TopographicOptions.Default;
        CheckWindow(source, destination, o.KernelHeight, o.KernelWidth, o.StrideHeight, o.StrideWidth, o.Padding);
        if (Layer(destination).Kind != LayerKind.Output2D)
            throw new ArgumentException($"The topographic preset needs an OutputLayer2D destination; layer {destination} is {Layer(destination).Kind}.", nameof(destination));
        if (!double.IsFinite(o.Sigma) || o.Sigma <= 0)
            throw new ArgumentOutOfRangeException(nameof(options), o.Sigma, "Topographic sigma must be a positive number.");
        return TractBuilder.ConnectWindowed(World, Entity, source, destination, new TractInfo
        {
            KernelHeight = o.KernelHeight,
            KernelWidth = o.KernelWidth,
            StrideHeight = o.StrideHeight,
            StrideWidth = o.StrideWidth,
            Padding = o.Padding,
            Topographic = true,
            Sigma = o.Sigma,
            Normalize = o.Normalize,
        });
    }

    /// <summary>What tract <paramref name="tract"/> connects.</summary>
    public TractInfo Tract(int tract) => World.Get<TractInfo>(TractEntity(tract));

    /// <summary>The entity of tract <paramref name="tract"/>.</summary>
    public Entity TractEntity(int tract)
    {
        var tracts = RegionAccess.Tracts(World, State);
        if ((uint)tract >= (uint)tracts.Length)
            throw new ArgumentOutOfRangeException(nameof(tract), tract, $"Region '{Name}' has no tract {tract} (it has {tracts.Length}).");
        return tracts[tract];
    }

    /// <summary>Edges of a tract (a broadcast windowed tract counts pixels × destination neurons).</summary>
    public long EdgeCount(int tract)
    {
        var entity = TractEntity(tract);
        var info = World.Get<TractInfo>(entity);
        var state = World.Get<TractState>(entity);
        return info.Broadcast
            ? (long)state.ParticipatingSources * NeuronCount(info.Destination)
            : World.GetTable(state.Edges).Count;
    }

    /// <summary>The stored edges of a tract as (source row, target row), row by row in edge order.</summary>
    public (int Source, int Target)[] Edges(int tract)
    {
        var state = World.Get<TractState>(TractEntity(tract));
        var rowStart = World.GetTable(state.Sources).Span(RegionColumns.EdgeRowStart);
        var target = World.GetTable(state.Edges).Span(RegionColumns.EdgeTarget);
        var edges = new (int, int)[target.Length];
        for (int s = 0; s < rowStart.Length - 1; s++)
            for (int e = rowStart[s]; e < rowStart[s + 1]; e++)
                edges[e] = (s, target[e]);
        return edges;
    }

    /// <summary>The gate of edge <paramref name="edge"/> (its index in <see cref="Edges"/>).</summary>
    public Weight Gate(int tract, int edge)
    {
        var state = World.Get<TractState>(TractEntity(tract));
        var table = World.GetTable(state.Edges);
        if ((uint)edge >= (uint)table.Count)
            throw new ArgumentOutOfRangeException(nameof(edge), edge, $"Tract {tract} has {table.Count} edges.");
        return new Weight
        {
            Strength = table.Span(RegionColumns.GateStrength)[edge], Threshold = table.Span(RegionColumns.GateThreshold)[edge],
            EmaRate = table.Span(RegionColumns.GateEmaRate)[edge], Hits = table.Span(RegionColumns.GateHits)[edge], Flags = (WeightFlags)table.Span(RegionColumns.GateFlags)[edge],
        };
    }

    /// <summary>The fixed weight of a windowed edge (1, or its topographic weight).</summary>
    public double EdgeWeight(int tract, int edge)
    {
        var state = World.Get<TractState>(TractEntity(tract));
        var weights = World.GetTable(state.Edges).Span(RegionColumns.EdgeWeight);
        if ((uint)edge >= (uint)weights.Length)
            throw new ArgumentOutOfRangeException(nameof(edge), edge, $"Tract {tract} has {weights.Length} edges.");
        return weights[edge];
    }

    /// <summary>The step of an edge's last delivery (or creation).</summary>
    public long EdgeLastStep(int tract, int edge)
    {
        var state = World.Get<TractState>(TractEntity(tract));
        var steps = World.GetTable(state.Edges).Span(RegionColumns.EdgeLastStep);
        if ((uint)edge >= (uint)steps.Length)
            throw new ArgumentOutOfRangeException(nameof(edge), edge, $"Tract {tract} has {steps.Length} edges.");
        return steps[edge];
    }

    /// <summary>Events waiting in a tract's queues for the next flush.</summary>
    public int QueuedEvents(int tract)
    {
        var state = World.Get<TractState>(TractEntity(tract));
        return World.GetTable(state.EntryQueue).Count + World.GetTable(state.PendingQueue).Count;
    }

    /// <summary>The recorded mesh rules in recording order.</summary>
    public MeshRule[] MeshRules() => RegionAccess.Rules(World, State).ToArray();

}
