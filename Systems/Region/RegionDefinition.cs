using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine.Models;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// The config record of a region: what <see cref="Region.Create"/> and a scenario file's
/// population entry take. Everything the builder calls can do — settings (weights, buses, growth
/// policy, automatic pruning, spatial metrics), layers, tracts and port bindings — in the order
/// the builder would apply it. <see cref="Validate"/> checks all of it before anything is created
/// and names the bad field (e.g. <c>layers[1].excitatory</c>).
/// </summary>
public sealed record RegionDefinition : IPopulationDefinition
{
    /// <inheritdoc />
    public string Family => RegionFamily.FamilyName;

    /// <summary>Region-wide settings, including the growth policy (<see cref="RegionConfig.Growth"/>) and automatic pruning.</summary>
    public RegionConfig Config { get; init; } = RegionConfig.Default;

    /// <summary>Layers in index order.</summary>
    public IReadOnlyList<LayerDefinition> Layers { get; init; } = [];

    /// <summary>Tracts in creation order.</summary>
    public IReadOnlyList<TractDefinition> Tracts { get; init; } = [];

    /// <summary>Port bindings in port order.</summary>
    public IReadOnlyList<PortBindingDefinition> Ports { get; init; } = [];

    /// <inheritdoc />
    public void Validate()
    {
        ValidateConfig(Config);
        if (Layers is null)
            throw new ModelConfigException("layers", "is missing.");
        if (Tracts is null)
            throw new ModelConfigException("tracts", "is missing.");
        if (Ports is null)
            throw new ModelConfigException("ports", "is missing.");
        for (int i = 0; i < Layers.Count; i++)
            ValidateLayer(Layers[i], $"layers[{i}]");
        for (int i = 0; i < Tracts.Count; i++)
            ValidateTract(Tracts[i], $"tracts[{i}]");
        for (int i = 0; i < Ports.Count; i++)
            ValidatePort(i);
    }

    /// <summary>Applies the layers, tracts and bindings to a new, empty region (the definition is valid).</summary>
    internal void Build(Region region)
    {
        foreach (var layer in Layers)
        {
            _ = layer.Kind switch
            {
                LayerKind.Input2D => region.AddInputLayer2D(layer.Height, layer.Width, layer.Gain, layer.EpsilonFire),
                LayerKind.Output2D => region.AddOutputLayer2D(layer.Height, layer.Width, layer.Smoothing),
                _ => region.AddLayer(layer.Excitatory, layer.Inhibitory, layer.Modulatory, layer.Slots, layer.NeuronLimit),
            };
        }

        foreach (var tract in Tracts)
        {
            var w = tract.Window;
            _ = tract.Wiring switch
            {
                TractWiring.Windowed => region.ConnectLayersWindowed(tract.Source, tract.Destination, w.KernelHeight, w.KernelWidth,
                    w.StrideHeight, w.StrideWidth, w.Padding, tract.Feedback),
                TractWiring.Topographic => region.ConnectLayersTopographic(tract.Source, tract.Destination, w),
                _ => region.ConnectLayers(tract.Source, tract.Destination, tract.Probability, tract.Feedback),
            };
        }

        foreach (var port in Ports)
        {
            var layers = port.Layers.ToArray();
            switch (port.Kind)
            {
                case PortKind.Input:
                    region.BindInput(port.Name, layers);
                    break;
                case PortKind.Input2D:
                    region.BindInput2D(port.Name, layers);
                    break;
                default:
                    region.BindOutput(port.Name, layers);
                    break;
            }
        }
    }

    private static void ValidateConfig(RegionConfig config)
    {
        Component("config.weight", config.Weight.Validate);
        Component("config.growth", config.Growth.Validate);
        Finite(config.InhibitionPulse, "config.inhibitionPulse");
        Finite(config.ModulationPulse, "config.modulationPulse");
        Finite(config.InhibitionDecay, "config.inhibitionDecay");
        Finite(config.AutoPruneMinStrength, "config.autoPruneMinStrength");
        if (config.AutoPruneInterval < 0)
            throw new ModelConfigException("config.autoPruneInterval", $"is {config.AutoPruneInterval}; it must be ≥ 0 (0: no automatic pruning).");
        if (config.AutoPruneStaleWindow < 0)
            throw new ModelConfigException("config.autoPruneStaleWindow", $"is {config.AutoPruneStaleWindow}; it must be ≥ 0.");
    }

    private static void ValidateLayer(LayerDefinition? layer, string field)
    {
        if (layer is null)
            throw new ModelConfigException(field, "is missing.");
        switch (layer.Kind)
        {
            case LayerKind.Standard:
                NotNegative(layer.Excitatory, $"{field}.excitatory");
                NotNegative(layer.Inhibitory, $"{field}.inhibitory");
                NotNegative(layer.Modulatory, $"{field}.modulatory");
                if ((long)layer.Excitatory + layer.Inhibitory + layer.Modulatory > int.MaxValue / SlotRanges.MaxPreallocated)
                    throw new ModelConfigException(field, "has more neurons than its slot table can hold.");
                if (layer.NeuronLimit < -1)
                    throw new ModelConfigException($"{field}.neuronLimit", $"is {layer.NeuronLimit}; it must be ≥ 0, or −1 for none.");
                Component($"{field}.slots", layer.Slots.Validate);
                break;
            case LayerKind.Input2D or LayerKind.Output2D:
                if (layer.Height < 1)
                    throw new ModelConfigException($"{field}.height", $"is {layer.Height}; it must be ≥ 1.");
                if (layer.Width < 1)
                    throw new ModelConfigException($"{field}.width", $"is {layer.Width}; it must be ≥ 1.");
                if ((long)layer.Height * layer.Width > int.MaxValue)
                    throw new ModelConfigException(field, $"a {layer.Height}×{layer.Width} layer has more pixels than a table can hold.");
                if (layer.Kind == LayerKind.Input2D)
                {
                    Finite(layer.Gain, $"{field}.gain");
                    Finite(layer.EpsilonFire, $"{field}.epsilonFire");
                }
                else if (double.IsNaN(layer.Smoothing) || layer.Smoothing < 0 || layer.Smoothing > 1)
                {
                    throw new ModelConfigException($"{field}.smoothing", $"is {layer.Smoothing}; it must be a number in [0, 1].");
                }

                break;
            default:
                throw new ModelConfigException($"{field}.kind", $"{(int)layer.Kind} is not a layer kind.");
        }
    }

    private void ValidateTract(TractDefinition? tract, string field)
    {
        if (tract is null)
            throw new ModelConfigException(field, "is missing.");
        var source = LayerAt(tract.Source, $"{field}.source");
        var destination = LayerAt(tract.Destination, $"{field}.destination");
        if (source.Kind == LayerKind.Output2D)
            throw new ModelConfigException($"{field}.source", $"layer {tract.Source} is an OutputLayer2D, a sink: it cannot be a tract source.");
        if (destination.Kind == LayerKind.Input2D)
            throw new ModelConfigException($"{field}.destination", $"layer {tract.Destination} is an InputLayer2D, fed only by its port: it cannot be a tract destination.");
        if (tract.Wiring == TractWiring.Gated)
        {
            if (double.IsNaN(tract.Probability) || tract.Probability < 0 || tract.Probability > 1)
                throw new ModelConfigException($"{field}.probability", $"is {tract.Probability}; it must be a number in [0, 1].");
            return;
        }

        if (tract.Wiring is not TractWiring.Windowed and not TractWiring.Topographic)
            throw new ModelConfigException($"{field}.wiring", $"{(int)tract.Wiring} is not a tract wiring.");
        if (source.Kind != LayerKind.Input2D)
            throw new ModelConfigException($"{field}.source", $"windowed wiring starts at an InputLayer2D; layer {tract.Source} is {source.Kind}.");
        var w = tract.Window;
        Positive(w.KernelHeight, $"{field}.window.kernelHeight");
        Positive(w.KernelWidth, $"{field}.window.kernelWidth");
        Positive(w.StrideHeight, $"{field}.window.strideHeight");
        Positive(w.StrideWidth, $"{field}.window.strideWidth");
        if (!Enum.IsDefined(w.Padding))
            throw new ModelConfigException($"{field}.window.padding", $"{(int)w.Padding} is not Valid or Same.");
        if (destination.Kind == LayerKind.Output2D && (destination.Height != source.Height || destination.Width != source.Width))
            throw new ModelConfigException($"{field}.destination",
                $"windowed wiring into an OutputLayer2D needs the input's shape {source.Height}×{source.Width}; layer {tract.Destination} is {destination.Height}×{destination.Width}.");
        if (tract.Wiring != TractWiring.Topographic)
            return;
        if (destination.Kind != LayerKind.Output2D)
            throw new ModelConfigException($"{field}.destination", $"the topographic preset needs an OutputLayer2D destination; layer {tract.Destination} is {destination.Kind}.");
        if (!double.IsFinite(w.Sigma) || w.Sigma <= 0)
            throw new ModelConfigException($"{field}.window.sigma", $"is {w.Sigma}; it must be a positive number.");
    }

    private void ValidatePort(int index)
    {
        string field = $"ports[{index}]";
        var port = Ports[index] ?? throw new ModelConfigException(field, "is missing.");
        if (string.IsNullOrEmpty(port.Name))
            throw new ModelConfigException($"{field}.name", "is empty.");
        if (!Enum.IsDefined(port.Kind))
            throw new ModelConfigException($"{field}.kind", $"{(int)port.Kind} is not a port kind.");
        if (port.Layers is null)
            throw new ModelConfigException($"{field}.layers", "is missing.");
        for (int p = 0; p < index; p++)
        {
            var other = Ports[p];
            if (other.Name == port.Name && (other.Kind == PortKind.Output) == (port.Kind == PortKind.Output))
                throw new ModelConfigException($"{field}.name", $"'{port.Name}' is already bound by ports[{p}].");
        }

        for (int i = 0; i < port.Layers.Count; i++)
        {
            string at = $"{field}.layers[{i}]";
            var layer = LayerAt(port.Layers[i], at);
            if (port.Kind == PortKind.Input && layer.Kind != LayerKind.Standard)
                throw new ModelConfigException(at, $"layer {port.Layers[i]} is an {layer.Kind} layer; scalar ports bind slot layers.");
            if (port.Kind != PortKind.Input2D)
                continue;
            if (layer.Kind != LayerKind.Input2D)
                throw new ModelConfigException(at, $"layer {port.Layers[i]} is a {layer.Kind} layer; image ports bind InputLayer2D layers.");
            var first = Layers[port.Layers[0]];
            if (layer.Height != first.Height || layer.Width != first.Width)
                throw new ModelConfigException(at, "every InputLayer2D bound to one image port must have the same shape.");
        }
    }

    private LayerDefinition LayerAt(int index, string field)
    {
        if ((uint)index >= (uint)Layers.Count)
            throw new ModelConfigException(field, $"is {index}; the region defines layers 0..{Layers.Count - 1}.");
        return Layers[index];
    }

    /// <summary>Runs a component's own check, naming <paramref name="field"/> in what it throws.</summary>
    private static void Component(string field, Action validate)
    {
        try
        {
            validate();
        }
        catch (ArgumentException e) when (e is not ModelConfigException)
        {
            throw new ModelConfigException(field, e.Message);
        }
    }

    private static void Finite(double value, string field)
    {
        if (!double.IsFinite(value))
            throw new ModelConfigException(field, $"is {value}; it must be a finite number.");
    }

    private static void NotNegative(int value, string field)
    {
        if (value < 0)
            throw new ModelConfigException(field, $"is {value}; it must be ≥ 0.");
    }

    private static void Positive(int value, string field)
    {
        if (value < 1)
            throw new ModelConfigException(field, $"is {value}; it must be ≥ 1.");
    }
}
