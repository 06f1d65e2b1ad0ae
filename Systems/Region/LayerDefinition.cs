using GrowNet.Ecs.Components.Region;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// One layer of a <see cref="RegionDefinition"/>, in layer-index order: slot neurons (E, I, M
/// counts, slot config, neuron limit), an InputLayer2D (shape, gain, fire threshold) or an
/// OutputLayer2D (shape, smoothing). Fields another kind does not use are ignored.
/// </summary>
public sealed record LayerDefinition
{
    /// <summary>What the layer's rows are.</summary>
    public LayerKind Kind { get; init; }

    /// <summary>Excitatory neurons (slot layers, ≥ 0).</summary>
    public int Excitatory { get; init; }

    /// <summary>Inhibitory neurons (slot layers, ≥ 0).</summary>
    public int Inhibitory { get; init; }

    /// <summary>Modulatory neurons (slot layers, ≥ 0).</summary>
    public int Modulatory { get; init; }

    /// <summary>How the neurons select slots and grow (slot layers).</summary>
    public SlotConfig Slots { get; init; } = SlotConfig.Default;

    /// <summary>Most neurons the layer may grow to; −1 for none (slot layers).</summary>
    public int NeuronLimit { get; init; } = -1;

    /// <summary>Image height (2D layers, ≥ 1).</summary>
    public int Height { get; init; }

    /// <summary>Image width (2D layers, ≥ 1).</summary>
    public int Width { get; init; }

    /// <summary>Pixel gain of an InputLayer2D: <c>e = gain * pixel</c>.</summary>
    public double Gain { get; init; } = 1.0;

    /// <summary>Fire threshold of an InputLayer2D on <c>|e|</c>.</summary>
    public double EpsilonFire { get; init; }

    /// <summary>Frame smoothing of an OutputLayer2D, in [0, 1].</summary>
    public double Smoothing { get; init; }

    /// <summary>A layer of E, then I, then M slot neurons.</summary>
    public static LayerDefinition Standard(int excitatory, int inhibitory, int modulatory, SlotConfig? slots = null, int neuronLimit = -1)
        => new()
        {
            Kind = LayerKind.Standard, Excitatory = excitatory, Inhibitory = inhibitory, Modulatory = modulatory,
            Slots = slots ?? SlotConfig.Default, NeuronLimit = neuronLimit,
        };

    /// <summary>An InputLayer2D of <paramref name="height"/> × <paramref name="width"/> pixel neurons.</summary>
    public static LayerDefinition Input2D(int height, int width, double gain, double epsilonFire)
        => new() { Kind = LayerKind.Input2D, Height = height, Width = width, Gain = gain, EpsilonFire = epsilonFire };

    /// <summary>An OutputLayer2D of <paramref name="height"/> × <paramref name="width"/> sink pixels.</summary>
    public static LayerDefinition Output2D(int height, int width, double smoothing)
        => new() { Kind = LayerKind.Output2D, Height = height, Width = width, Smoothing = smoothing };
}
