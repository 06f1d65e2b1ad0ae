using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Engine.Models;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// The host's handle to one GrowNet region living in a world (grownet.md): a population of the
/// region family (<see cref="RegionFamily"/>) with the builder (layers, tracts, port bindings),
/// the host API (stage inputs, pulse, prune, inspect) and the contract's ports and metrics. Holds
/// no state of its own — every layer, neuron, slot, edge, queued event, port and metric is in
/// the world's tables — so any number of handles to the same region agree. A region advances
/// only with <see cref="World.Step"/>: the host stages port values (<see cref="SetInput"/>,
/// <see cref="SetFrame(string, ReadOnlySpan{double})"/>) and steps; pools and other regions in
/// the same world advance in the same step. Every method validates before changing anything:
/// bad input throws an exception naming the problem and leaves the world as it was.
/// </summary>
public sealed partial class Region : Population
{
    private readonly FrameStager stager = new();

    private Region(World world, Entity entity)
        : base(world, entity)
    {
    }

    /// <summary>
    /// Creates a region from <paramref name="definition"/> (an empty region with the default
    /// settings when null) in a world made by <see cref="Pipeline.CreateWorld"/>. The definition is
    /// validated whole first, so a bad one creates nothing. Hosts that grow a region by code go on
    /// with the builder methods (<see cref="AddLayer(int, int, int)"/>, <see cref="ConnectLayers"/>, …).
    /// </summary>
    /// <exception cref="ModelConfigException">A field of the definition is invalid (the exception names it).</exception>
    /// <exception cref="InvalidOperationException">The world does not run the region systems.</exception>
    public static Region Create(World world, string name, RegionDefinition? definition = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(name);
        var built = definition ?? new RegionDefinition();
        built.Validate();
        if (!world.Scheduler.Contains<RegionEntrySystem>())
            throw new InvalidOperationException("The world does not run the region systems: create it with Pipeline.CreateWorld.");
        world.ThrowIfIterating();
        var entity = world.Create(RegionAccess.RegionSet);
        var settings = built.Config;
        world.Get<RegionConfig>(entity) = settings;
        world.Get<BusState>(entity) = BusState.Create(settings.InhibitionDecay);
        world.Get<RegionMetrics>(entity) = new RegionMetrics { Spatial = SpatialSummary.Empty };
        world.Get<RegionState>(entity) = new RegionState
        {
            Layers = world.CreateTable(RegionTables.LayerList.Set, entity),
            Tracts = world.CreateTable(RegionTables.TractList.Set, entity),
            Ports = world.CreateTable(RegionTables.PortList.Set, entity),
            MeshRules = world.CreateTable(RegionTables.MeshRules.Set, entity),
            SpatialInputLayer = -1,
        };
        world.Names.Set(entity, name);
        var region = new Region(world, entity);
        built.Build(region);
        return region;
    }

    /// <summary>Finds the region behind <paramref name="entity"/>.</summary>
    /// <exception cref="ArgumentException">The entity is not a live region.</exception>
    public static Region Attach(World world, Entity entity)
    {
        ArgumentNullException.ThrowIfNull(world);
        if (!world.IsAlive(entity) || !world.Has<RegionState>(entity) || !world.Has<RegionConfig>(entity))
            throw new ArgumentException($"{entity} is not a live region.", nameof(entity));
        return new Region(world, entity);
    }

    /// <summary>Every region in the world, in entity order.</summary>
    public static IReadOnlyList<Region> All(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var regions = new List<Region>();
        foreach (var entity in RegionAccess.Regions(world))
            regions.Add(new Region(world, entity));
        return regions;
    }

    /// <inheritdoc />
    public override string Family => RegionFamily.FamilyName;

    /// <summary>The region's settings.</summary>
    public ref readonly RegionConfig Config => ref World.Get<RegionConfig>(Entity);

    /// <summary>The region bus.</summary>
    public ref readonly BusState Bus => ref World.Get<BusState>(Entity);

    /// <summary>The metrics of the last tick.</summary>
    public ref readonly RegionMetrics Metrics => ref World.Get<RegionMetrics>(Entity);

    /// <summary>Number of layers.</summary>
    public int LayerCount => World.GetTable(State.Layers).Count;

    /// <summary>Number of tracts.</summary>
    public int TractCount => World.GetTable(State.Tracts).Count;

    private ref RegionState State => ref World.Get<RegionState>(Entity);

    // ================================================================== settings

    /// <summary>Turns the spatial metrics of 2D ticks on or off.</summary>
    public void SetSpatialMetrics(bool enabled)
    {
        ThrowIfTicking();
        World.Get<RegionConfig>(Entity).SpatialMetrics = enabled;
    }

    /// <summary>Replaces the region growth policy.</summary>
    public void SetGrowthPolicy(RegionGrowthPolicy policy)
    {
        ThrowIfTicking();
        policy.Validate();
        World.Get<RegionConfig>(Entity).Growth = policy;
    }

    /// <summary>Replaces the automatic pruning schedule (interval 0 turns it off).</summary>
    public void SetAutoPrune(long interval, long staleWindow = 10_000, double minStrength = 0.05)
    {
        ThrowIfTicking();
        ArgumentOutOfRangeException.ThrowIfNegative(interval);
        ArgumentOutOfRangeException.ThrowIfNegative(staleWindow);
        RegionChecks.Finite(minStrength, nameof(minStrength));
        ref var config = ref World.Get<RegionConfig>(Entity);
        config.AutoPruneInterval = interval;
        config.AutoPruneStaleWindow = staleWindow;
        config.AutoPruneMinStrength = minStrength;
    }

    /// <summary>Sets inhibition on the region bus and every layer bus for the coming tick.</summary>
    public void PulseInhibition(double factor)
    {
        ThrowIfTicking();
        SetBusInhibition(factor);
    }

    /// <summary>The bus write of <see cref="PulseInhibition"/>; also reached from a port write, which sources, links and modulators make during a tick.</summary>
    private void SetBusInhibition(double factor)
    {
        RegionChecks.Finite(factor, nameof(factor));
        World.Get<BusState>(Entity).Inhibition = factor;
        foreach (var layer in RegionAccess.Layers(World, State))
            World.Get<BusState>(layer).Inhibition = factor;
    }

    /// <summary>Sets modulation on the region bus and every layer bus for the coming tick.</summary>
    public void PulseModulation(double factor)
    {
        ThrowIfTicking();
        SetBusModulation(factor);
    }

    /// <summary>The bus write of <see cref="PulseModulation"/>; also reached from a port write, which sources, links and modulators make during a tick.</summary>
    private void SetBusModulation(double factor)
    {
        RegionChecks.Finite(factor, nameof(factor));
        World.Get<BusState>(Entity).Modulation = factor;
        foreach (var layer in RegionAccess.Layers(World, State))
            World.Get<BusState>(layer).Modulation = factor;
    }

    /// <summary>Removes every gated edge that is stale (<c>step − lastStep &gt; staleWindow</c>) and weak (<c>strength &lt; minStrength</c>).</summary>
    public PruneResult Prune(long staleWindow = 10_000, double minStrength = 0.05)
    {
        ThrowIfTicking();
        ArgumentOutOfRangeException.ThrowIfNegative(staleWindow);
        RegionChecks.Finite(minStrength, nameof(minStrength));
        return RegionPruner.Prune(World, Entity, staleWindow, minStrength);
    }
}
