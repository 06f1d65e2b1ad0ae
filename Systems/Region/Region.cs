using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// The host's handle to one GrowNet region living in a world (grownet.md): the builder (layers,
/// tracts, ports) and the host API (stage inputs, tick, pulse, prune, inspect). Holds no state
/// of its own — every layer, neuron, slot, edge, queued event, port and metric is in the
/// world's tables — so any number of handles to the same region agree. A tick is one
/// <see cref="World.Step"/>: the host stages port values (<see cref="SetInput"/>,
/// <see cref="SetFrame(string, ReadOnlySpan{double})"/>) and steps, or calls <see cref="Tick"/> /
/// <see cref="Tick2D(string, ReadOnlySpan{double})"/>, which do both; pools and other regions in
/// the same world advance in the same step. Every method validates before changing anything:
/// bad input throws an exception naming the problem and leaves the world as it was.
/// </summary>
public sealed class Region
{
    private readonly FrameStager stager = new();

    private Region(World world, Entity entity)
    {
        World = world;
        Entity = entity;
    }

    /// <summary>Creates an empty region in a world made by <see cref="Pipeline.CreateWorld"/>.</summary>
    /// <exception cref="InvalidOperationException">The world does not run the region systems.</exception>
    public static Region Create(World world, string name, RegionConfig? config = null)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(name);
        var settings = config ?? RegionConfig.Default;
        settings.Validate();
        if (!world.Scheduler.Contains<RegionEntrySystem>())
            throw new InvalidOperationException("The world does not run the region systems: create it with Pipeline.CreateWorld.");
        world.ThrowIfIterating();
        var entity = world.Create(RegionAccess.RegionSet);
        world.Get<RegionConfig>(entity) = settings;
        world.Get<BusState>(entity) = BusState.Create(settings.InhibitionDecay);
        world.Get<RegionMetrics>(entity) = new RegionMetrics { Spatial = SpatialSummary.Empty };
        world.Get<RegionState>(entity) = new RegionState
        {
            Layers = world.CreateTable(RegionColumns.LayerListSet, entity),
            Tracts = world.CreateTable(RegionColumns.TractListSet, entity),
            Ports = world.CreateTable(RegionColumns.PortListSet, entity),
            MeshRules = world.CreateTable(RegionColumns.MeshRuleSet, entity),
            SpatialInputLayer = -1,
        };
        world.Names.Set(entity, name);
        return new Region(world, entity);
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
        var entities = new List<Entity>();
        RegionAccess.CollectRegions(world, entities);
        return entities.ConvertAll(e => new Region(world, e));
    }

    /// <summary>The world the region lives in.</summary>
    public World World { get; }

    /// <summary>The region entity.</summary>
    public Entity Entity { get; }

    /// <summary>The region's name.</summary>
    public string Name => World.Names.Get(Entity);

    /// <summary>The region's settings.</summary>
    public RegionConfig Config => World.Get<RegionConfig>(Entity);

    /// <summary>The region bus.</summary>
    public BusState Bus => World.Get<BusState>(Entity);

    /// <summary>The metrics of the last tick.</summary>
    public RegionMetrics Metrics => World.Get<RegionMetrics>(Entity);

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

    // ================================================================== layers

    /// <summary>Adds a layer of E, then I, then M slot neurons with the default slot config; returns its index.</summary>
    public int AddLayer(int excitatory, int inhibitory, int modulatory)
        => AddLayer(excitatory, inhibitory, modulatory, SlotConfig.Default);

    /// <summary>Adds a layer of E, then I, then M slot neurons; returns its index.</summary>
    /// <param name="excitatory">Excitatory neurons (≥ 0).</param>
    /// <param name="inhibitory">Inhibitory neurons (≥ 0).</param>
    /// <param name="modulatory">Modulatory neurons (≥ 0).</param>
    /// <param name="slots">How the layer's neurons select slots and grow.</param>
    /// <param name="neuronLimit">Most neurons the layer may grow to; −1 for none.</param>
    public int AddLayer(int excitatory, int inhibitory, int modulatory, SlotConfig slots, int neuronLimit = -1)
    {
        ThrowIfTicking();
        ArgumentOutOfRangeException.ThrowIfNegative(excitatory);
        ArgumentOutOfRangeException.ThrowIfNegative(inhibitory);
        ArgumentOutOfRangeException.ThrowIfNegative(modulatory);
        ArgumentOutOfRangeException.ThrowIfLessThan(neuronLimit, -1);
        if ((long)excitatory + inhibitory + modulatory > int.MaxValue / SlotBlocks.MaxPreallocated)
            throw new ArgumentException("A layer this large would not fit its slot table.");
        slots.Validate();
        return LayerBuilder.AddStandard(World, Entity, excitatory, inhibitory, modulatory, slots, neuronLimit);
    }

    /// <summary>Adds an InputLayer2D: pixel neurons with <c>e = gain * pixel</c> that fire iff <c>|e| ≥ epsilonFire</c>.</summary>
    public int AddInputLayer2D(int height, int width, double gain, double epsilonFire)
    {
        ThrowIfTicking();
        ValidateShape(height, width);
        RegionChecks.Finite(gain, nameof(gain));
        RegionChecks.Finite(epsilonFire, nameof(epsilonFire));
        return LayerBuilder.AddImage(World, Entity, LayerKind.Input2D, height, width, gain, epsilonFire, 0);
    }

    /// <summary>Adds an OutputLayer2D: sink pixels whose frame follows <c>frame = s * frame + (1 − s) * v</c>.</summary>
    public int AddOutputLayer2D(int height, int width, double smoothing)
    {
        ThrowIfTicking();
        ValidateShape(height, width);
        if (double.IsNaN(smoothing) || smoothing < 0 || smoothing > 1)
            throw new ArgumentOutOfRangeException(nameof(smoothing), smoothing, "Smoothing must be a number in [0, 1].");
        return LayerBuilder.AddImage(World, Entity, LayerKind.Output2D, height, width, 0, 0, smoothing);
    }

    /// <summary>What layer <paramref name="layer"/> is.</summary>
    public LayerInfo Layer(int layer) => World.Get<LayerInfo>(LayerEntity(layer));

    /// <summary>The entity of layer <paramref name="layer"/>.</summary>
    public Entity LayerEntity(int layer)
    {
        var layers = RegionAccess.Layers(World, State);
        if ((uint)layer >= (uint)layers.Length)
            ThrowNoLayer(layer, layers.Length);
        return layers[layer];
    }

    /// <summary>Rows of a layer: slot neurons, or pixels of a 2D layer.</summary>
    public int NeuronCount(int layer) => RegionAccess.NeuronCount(World, LayerEntity(layer));

    /// <summary>Fires of a layer's neurons during the last tick.</summary>
    public int FiredCount(int layer) => World.Get<LayerState>(LayerEntity(layer)).FiredCount;

    /// <summary>Fires per layer during the last tick, in layer order.</summary>
    public int[] FiredCounts()
    {
        var counts = new int[LayerCount];
        for (int i = 0; i < counts.Length; i++)
            counts[i] = FiredCount(i);
        return counts;
    }

    /// <summary>The lateral bus of a layer.</summary>
    public BusState LayerBus(int layer) => World.Get<BusState>(LayerEntity(layer));

    /// <summary>The slot config of a layer.</summary>
    public SlotConfig LayerSlotConfig(int layer) => World.Get<SlotConfig>(LayerEntity(layer));

    /// <summary>Replaces a slot layer's slot config (blocks are refitted to the new limit).</summary>
    public void ConfigureSlots(int layer, SlotConfig config)
    {
        ThrowIfTicking();
        var entity = SlotLayer(layer);
        config.Validate();
        World.Get<SlotConfig>(entity) = config;
        SlotBlocks.Refit(World, entity);
    }

    /// <summary>Overrides one neuron's slot limit (≤ 0: unlimited), or removes the override with null.</summary>
    public void SetNeuronSlotLimit(int layer, int neuron, int? limit)
    {
        ThrowIfTicking();
        var entity = SlotLayer(layer);
        int row = CheckNeuron(entity, layer, neuron);
        var neurons = NeuronArrays.From(World, World.Get<LayerState>(entity).Neurons);
        if (limit is int value)
        {
            neurons.Flags[row] |= NeuronFlags.HasSlotLimit;
            neurons.SlotLimit[row] = value;
        }
        else
        {
            neurons.Flags[row] &= ~NeuronFlags.HasSlotLimit;
            neurons.SlotLimit[row] = 0;
        }

        SlotBlocks.Refit(World, entity);
    }

    /// <summary>Sets the most neurons a slot layer may grow to (−1: none).</summary>
    public void SetNeuronLimit(int layer, int limit)
    {
        ThrowIfTicking();
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, -1);
        World.Get<LayerInfo>(SlotLayer(layer)).NeuronLimit = limit;
    }

    // ================================================================== wiring

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
        var e = EdgeArrays.From(World, state.Edges);
        return new Weight { Strength = e.Strength[edge], Threshold = e.Threshold[edge], EmaRate = e.EmaRate[edge], Hits = e.Hits[edge], Flags = (WeightFlags)e.Flags[edge] };
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

    // ================================================================== ports

    /// <summary>Binds (or rebinds) scalar input <paramref name="port"/> to slot layers.</summary>
    public void BindInput(string port, params int[] layers) => Bind(port, PortKind.Input, layers);

    /// <summary>Binds (or rebinds) image input <paramref name="port"/> to InputLayer2D layers of one shape.</summary>
    public void BindInput2D(string port, params int[] layers) => Bind(port, PortKind.Input2D, layers);

    /// <summary>Binds (or rebinds) output <paramref name="port"/> to layers.</summary>
    public void BindOutput(string port, params int[] layers) => Bind(port, PortKind.Output, layers);

    /// <summary>The layers bound to a port (input ports first, then output ports of that name).</summary>
    public int[] PortLayers(string port)
    {
        var entity = FindPort(port, output: false);
        if (entity.IsNull)
            entity = FindPort(port, output: true);
        if (entity.IsNull)
            throw new ArgumentException($"Region '{Name}' has no port '{port}'.", nameof(port));
        return World.GetTable(World.Get<PortInfo>(entity).Bindings).Span(RegionColumns.PortLayer).ToArray();
    }

    // ================================================================== host API

    /// <summary>Stages <paramref name="value"/> on scalar input <paramref name="port"/> for the next <see cref="World.Step"/>.</summary>
    public void SetInput(string port, double value)
    {
        ThrowIfTicking();
        ref var info = ref InputPort(port, PortKind.Input);
        if (!double.IsFinite(value))
            ThrowNotFinite(port, value);
        info.Staged = true;
        info.StagedValue = value;
    }

    /// <summary>Stages a frame (row-major height × width) on image input <paramref name="port"/> for the next <see cref="World.Step"/>.</summary>
    public void SetFrame(string port, ReadOnlySpan<double> frame)
    {
        ThrowIfTicking();
        ref var info = ref InputPort(port, PortKind.Input2D);
        var bindings = World.GetTable(info.Bindings).Span(RegionColumns.PortLayer);
        if (bindings.Length > 0)
        {
            var first = Layer(bindings[0]);
            if (frame.Length != (long)first.Height * first.Width)
                throw new ArgumentException(
                    $"Frame for port '{port}' has {frame.Length} values; the bound InputLayer2D is {first.Height}×{first.Width} = {first.Height * first.Width}.",
                    nameof(frame));
            stager.Stage(World, Config, bindings, RegionAccess.Layers(World, State), frame, port);
        }

        info.Staged = true;
    }

    /// <summary>Stages a [height, width] frame on image input <paramref name="port"/>.</summary>
    public void SetFrame(string port, double[,] frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ref var info = ref InputPort(port, PortKind.Input2D);
        var bindings = World.GetTable(info.Bindings).Span(RegionColumns.PortLayer);
        if (bindings.Length > 0)
        {
            var first = Layer(bindings[0]);
            if (frame.GetLength(0) != first.Height || frame.GetLength(1) != first.Width)
                throw new ArgumentException(
                    $"Frame for port '{port}' is {frame.GetLength(0)}×{frame.GetLength(1)}; the bound InputLayer2D is {first.Height}×{first.Width}.",
                    nameof(frame));
        }

        SetFrame(port, frame.Length == 0 ? [] : MemoryMarshal.CreateReadOnlySpan(ref frame[0, 0], frame.Length));
    }

    /// <summary><c>Tick(port, value)</c>: stages the value and runs one world step; returns the tick's metrics.</summary>
    public RegionMetrics Tick(string port, double value)
    {
        SetInput(port, value);
        World.Step();
        return Metrics;
    }

    /// <summary><c>Tick2D(port, frame)</c>: stages the row-major frame and runs one world step.</summary>
    public RegionMetrics Tick2D(string port, ReadOnlySpan<double> frame)
    {
        SetFrame(port, frame);
        World.Step();
        return Metrics;
    }

    /// <summary><c>Tick2D(port, frame)</c>: stages the [height, width] frame and runs one world step.</summary>
    public RegionMetrics Tick2D(string port, double[,] frame)
    {
        SetFrame(port, frame);
        World.Step();
        return Metrics;
    }

    /// <summary>Sets inhibition on the region bus and every layer bus for the coming tick.</summary>
    public void PulseInhibition(double factor)
    {
        ThrowIfTicking();
        RegionChecks.Finite(factor, nameof(factor));
        World.Get<BusState>(Entity).Inhibition = factor;
        foreach (var layer in RegionAccess.Layers(World, State))
            World.Get<BusState>(layer).Inhibition = factor;
    }

    /// <summary>Sets modulation on the region bus and every layer bus for the coming tick.</summary>
    public void PulseModulation(double factor)
    {
        ThrowIfTicking();
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

    /// <summary>A copy of an OutputLayer2D's frame.</summary>
    public double[,] GetFrame(int layer)
    {
        var info = Layer(layer);
        if (info.Kind != LayerKind.Output2D)
            throw new ArgumentException($"Layer {layer} is {info.Kind}, not an OutputLayer2D.", nameof(layer));
        var frame = new double[info.Height, info.Width];
        CopyFrame(layer, MemoryMarshal.CreateSpan(ref frame[0, 0], frame.Length));
        return frame;
    }

    /// <summary>Copies an OutputLayer2D's frame (row-major) into <paramref name="destination"/> without allocating.</summary>
    public void CopyFrame(int layer, Span<double> destination)
    {
        var entity = LayerEntity(layer);
        var info = World.Get<LayerInfo>(entity);
        if (info.Kind != LayerKind.Output2D)
            throw new ArgumentException($"Layer {layer} is {info.Kind}, not an OutputLayer2D.", nameof(layer));
        var frame = World.GetTable(World.Get<LayerState>(entity).Pixels).Span(RegionColumns.PixelValue);
        if (destination.Length != frame.Length)
            throw new ArgumentException($"Destination holds {destination.Length} values; the frame has {frame.Length}.", nameof(destination));
        frame.CopyTo(destination);
    }

    /// <summary>A copy of the frame of the first OutputLayer2D bound to output <paramref name="port"/>.</summary>
    public double[,] GetOutputFrame(string port)
    {
        var entity = FindPort(port, output: true);
        if (entity.IsNull)
            throw new ArgumentException($"Region '{Name}' has no output port '{port}'.", nameof(port));
        foreach (int layer in World.GetTable(World.Get<PortInfo>(entity).Bindings).Span(RegionColumns.PortLayer))
        {
            if (Layer(layer).Kind == LayerKind.Output2D)
                return GetFrame(layer);
        }

        throw new ArgumentException($"Output port '{port}' has no OutputLayer2D bound.", nameof(port));
    }

    // ================================================================== neurons and slots

    /// <summary>A copy of one slot neuron's scalars.</summary>
    public NeuronSnapshot Neuron(int layer, int neuron)
    {
        var entity = SlotLayer(layer);
        int row = CheckNeuron(entity, layer, neuron);
        var n = NeuronArrays.From(World, World.Get<LayerState>(entity).Neurons);
        var flags = n.Flags[row];
        int limit = (flags & NeuronFlags.HasSlotLimit) != 0 ? n.SlotLimit[row] : World.Get<SlotConfig>(entity).SlotLimit;
        return new NeuronSnapshot(n.Kind[row], n.SlotCount[row], limit, n.LastInput[row],
            (flags & NeuronFlags.FiredLast) != 0, (flags & NeuronFlags.LastSlotUsedFallback) != 0,
            (flags & NeuronFlags.HasLastSlot) != 0 ? n.LastSlotKey[row] : null, n.FallbackStreak[row]);
    }

    /// <summary>Number of slots of a neuron.</summary>
    public int SlotCount(int layer, int neuron) => Neuron(layer, neuron).SlotCount;

    /// <summary>The slot keys of a neuron in creation order (see <see cref="SlotKey"/>).</summary>
    public long[] SlotKeys(int layer, int neuron)
    {
        var (slots, start, count) = Block(layer, neuron);
        return slots.Key.AsSpan(start, count).ToArray();
    }

    /// <summary>The scalar slot ids of a neuron in creation order.</summary>
    public long[] SlotIds(int layer, int neuron) => Array.FindAll(SlotKeys(layer, neuron), k => !SlotKey.IsSpatial(k));

    /// <summary>The 2D slot bins of a neuron in creation order.</summary>
    public (int Row, int Col)[] SlotBins2D(int layer, int neuron)
        => Array.ConvertAll(Array.FindAll(SlotKeys(layer, neuron), SlotKey.IsSpatial), k => (SlotKey.RowBin(k), SlotKey.ColBin(k)));

    /// <summary>A copy of slot <paramref name="slot"/> (creation order) of a neuron.</summary>
    public Weight Slot(int layer, int neuron, int slot)
    {
        var (slots, start, count) = Block(layer, neuron);
        if ((uint)slot >= (uint)count)
            throw new ArgumentOutOfRangeException(nameof(slot), slot, $"Neuron {neuron} of layer {layer} has {count} slots.");
        int i = start + slot;
        return new Weight { Strength = slots.Strength[i], Threshold = slots.Threshold[i], EmaRate = slots.EmaRate[i], Hits = slots.Hits[i], Flags = (WeightFlags)slots.Flags[i] };
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
        var (slots, start, count) = Block(layer, neuron);
        if (count == 0)
            return 0;
        double result = mode == NeuronValueMode.Readiness ? double.NegativeInfinity : 0;
        for (int i = start; i < start + count; i++)
        {
            result = mode switch
            {
                NeuronValueMode.Readiness => Math.Max(result, slots.Strength[i] - slots.Threshold[i]),
                NeuronValueMode.FiringRate => result + slots.EmaRate[i],
                _ => result + Math.Abs(slots.Strength[i]),
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
        var n = NeuronArrays.From(World, state.Neurons);
        if ((n.Flags[row] & NeuronFlags.HasLastSlot) == 0)
            return false;
        var slots = SlotArrays.From(World, state.Slots);
        int start = n.SlotStart[row];
        int index = Array.IndexOf(slots.Key, n.LastSlotKey[row], start, n.SlotCount[row]);
        if (index < 0)
            return false;
        if (frozen)
        {
            slots.Flags[index] |= (byte)WeightFlags.Frozen;
        }
        else
        {
            slots.Flags[index] &= unchecked((byte)~WeightFlags.Frozen);
            n.Flags[row] |= NeuronFlags.PreferLastSlotOnce;
        }

        return true;
    }

    // ================================================================== helpers

    private (SlotArrays Slots, int Start, int Count) Block(int layer, int neuron)
    {
        var entity = SlotLayer(layer);
        int row = CheckNeuron(entity, layer, neuron);
        var state = World.Get<LayerState>(entity);
        var n = NeuronArrays.From(World, state.Neurons);
        return (SlotArrays.From(World, state.Slots), n.SlotStart[row], n.SlotCount[row]);
    }

    private Entity SlotLayer(int layer)
    {
        var entity = LayerEntity(layer);
        var kind = World.Get<LayerInfo>(entity).Kind;
        if (kind != LayerKind.Standard)
            throw new ArgumentException($"Layer {layer} is an {kind} layer, not a layer of slot neurons.", nameof(layer));
        return entity;
    }

    private int CheckNeuron(Entity layer, int index, int neuron)
    {
        int count = World.GetTable(World.Get<LayerState>(layer).Neurons).Count;
        if ((uint)neuron >= (uint)count)
            throw new ArgumentOutOfRangeException(nameof(neuron), neuron, $"Layer {index} has {count} neurons.");
        return neuron;
    }

    private void CheckTractEnds(int source, int destination)
    {
        var from = Layer(source);
        var to = Layer(destination);
        if (from.Kind == LayerKind.Output2D)
            throw new ArgumentException($"Layer {source} is an OutputLayer2D, a sink: it cannot be a tract source.", nameof(source));
        if (to.Kind == LayerKind.Input2D)
            throw new ArgumentException($"Layer {destination} is an InputLayer2D, fed only by its port: it cannot be a tract destination.", nameof(destination));
        if (from.Kind == LayerKind.Input2D && World.Get<LayerState>(LayerEntity(source)).Staging == FrameStaging.FireCountOnly)
            throw new InvalidOperationException($"A frame is staged on layer {source} without its pixels (it had no outgoing edges); run World.Step() before wiring it.");
    }

    private void CheckWindow(int source, int destination, int kernelHeight, int kernelWidth, int strideHeight, int strideWidth, WindowPadding padding)
    {
        CheckTractEnds(source, destination);
        var input = Layer(source);
        if (input.Kind != LayerKind.Input2D)
            throw new ArgumentException($"Windowed wiring starts at an InputLayer2D; layer {source} is {input.Kind}.", nameof(source));
        ArgumentOutOfRangeException.ThrowIfLessThan(kernelHeight, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(kernelWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(strideHeight, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(strideWidth, 1);
        if (!Enum.IsDefined(padding))
            throw new ArgumentOutOfRangeException(nameof(padding), padding, "Padding is Valid or Same.");
        var output = Layer(destination);
        if (output.Kind == LayerKind.Output2D && (output.Height != input.Height || output.Width != input.Width))
            throw new ArgumentException(
                $"Windowed wiring into an OutputLayer2D needs the input's shape {input.Height}×{input.Width}; layer {destination} is {output.Height}×{output.Width}.",
                nameof(destination));
    }

    private void Bind(string port, PortKind kind, int[] layers)
    {
        ThrowIfTicking();
        ArgumentException.ThrowIfNullOrEmpty(port);
        ArgumentNullException.ThrowIfNull(layers);
        foreach (int layer in layers)
        {
            var info = Layer(layer);
            if (kind == PortKind.Input && info.Kind != LayerKind.Standard)
                throw new ArgumentException($"Layer {layer} is an {info.Kind} layer; scalar ports bind slot layers (use BindInput2D for images).", nameof(layers));
            if (kind == PortKind.Input2D && info.Kind != LayerKind.Input2D)
                throw new ArgumentException($"Layer {layer} is a {info.Kind} layer; image ports bind InputLayer2D layers.", nameof(layers));
            if (kind == PortKind.Input2D && (info.Height != Layer(layers[0]).Height || info.Width != Layer(layers[0]).Width))
                throw new ArgumentException("Every InputLayer2D bound to one image port must have the same shape.", nameof(layers));
        }

        bool output = kind == PortKind.Output;
        var entity = FindPort(port, output);
        if (entity.IsNull)
        {
            entity = World.Create(ComponentSet.Of<PortInfo>());
            World.Names.Set(entity, port);
            World.Get<PortInfo>(entity) = new PortInfo
            {
                Region = Entity,
                Bindings = World.CreateTable(RegionColumns.BindingSet, entity),
            };
            int row = World.AddRows(State.Ports, 1);
            RegionAccess.Ports(World, State)[row] = entity;
        }

        ref var info2 = ref World.Get<PortInfo>(entity);
        if (info2.Staged && info2.Kind == PortKind.Input2D)
        {
            // A frame staged through the old binding is dropped with it.
            foreach (int layer in World.GetTable(info2.Bindings).Span(RegionColumns.PortLayer))
                World.Get<LayerState>(LayerEntity(layer)).Staging = FrameStaging.None;
        }

        info2.Kind = kind;
        info2.Staged = false;
        World.ResizeTable(info2.Bindings, layers.Length);
        layers.CopyTo(World.GetTable(info2.Bindings).Span(RegionColumns.PortLayer));
    }

    private Entity FindPort(string port, bool output)
    {
        foreach (var entity in RegionAccess.Ports(World, State))
        {
            var kind = World.Get<PortInfo>(entity).Kind;
            if ((kind == PortKind.Output) == output && World.Names.Get(entity) == port)
                return entity;
        }

        return Entity.Null;
    }

    private ref PortInfo InputPort(string port, PortKind kind)
    {
        ArgumentNullException.ThrowIfNull(port);
        var entity = FindPort(port, output: false);
        if (entity.IsNull)
            ThrowUnknownPort(port);
        ref var info = ref World.Get<PortInfo>(entity);
        if (info.Kind != kind)
            ThrowWrongPortKind(port, info.Kind);
        return ref info;
    }

    private void ThrowIfTicking()
    {
        if (World.Scheduler.IsRunning)
            ThrowTicking();
    }

    private static void ValidateShape(int height, int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        if ((long)height * width > int.MaxValue)
            throw new ArgumentException($"A {height}×{width} layer has more pixels than a table can hold.");
    }

    [DoesNotReturn]
    private void ThrowNoLayer(int layer, int count)
        => throw new ArgumentOutOfRangeException(nameof(layer), layer, $"Region '{Name}' has no layer {layer} (it has {count}).");

    [DoesNotReturn]
    private void ThrowUnknownPort(string port)
        => throw new ArgumentException($"Region '{Name}' has no input port '{port}'.", nameof(port));

    [DoesNotReturn]
    private static void ThrowWrongPortKind(string port, PortKind kind)
        => throw new ArgumentException(kind == PortKind.Input2D
            ? $"Port '{port}' takes image frames: use SetFrame or Tick2D."
            : $"Port '{port}' takes scalar values: use SetInput or Tick.", nameof(port));

    [DoesNotReturn]
    private static void ThrowNotFinite(string port, double value)
        => throw new ArgumentException($"Input for port '{port}' must be a finite number, not {value}.", nameof(value));

    [DoesNotReturn]
    private static void ThrowTicking()
        => throw new InvalidOperationException("A region cannot be changed while a tick runs.");
}
