using GrowNet.Ecs.Components.Region;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// One tract of a <see cref="RegionDefinition"/>, in creation order (which is delivery order):
/// gated (probability, feedback), windowed (window geometry) or topographic (window geometry,
/// σ, normalisation). Fields another wiring does not use are ignored.
/// </summary>
public sealed record TractDefinition
{
    /// <summary>Source layer index.</summary>
    public int Source { get; init; }

    /// <summary>Destination layer index.</summary>
    public int Destination { get; init; }

    /// <summary>How the tract is wired.</summary>
    public TractWiring Wiring { get; init; }

    /// <summary>Connection probability of a gated tract, in [0, 1].</summary>
    public double Probability { get; init; }

    /// <summary>Whether the tract is marked as feedback (gated and windowed tracts).</summary>
    public bool Feedback { get; init; }

    /// <summary>Window geometry and weighting (windowed: kernel, stride, padding; topographic: all of it).</summary>
    public TopographicOptions Window { get; init; } = TopographicOptions.Default;

    /// <summary>A gated tract: one draw per (source, destination) pair, an edge below <paramref name="probability"/>.</summary>
    public static TractDefinition Gated(int source, int destination, double probability, bool feedback = false)
        => new() { Source = source, Destination = destination, Wiring = TractWiring.Gated, Probability = probability, Feedback = feedback };

    /// <summary>A fixed windowed tract from an InputLayer2D.</summary>
    public static TractDefinition Windowed(int source, int destination, int kernelHeight, int kernelWidth, int strideHeight, int strideWidth,
        WindowPadding padding = WindowPadding.Valid, bool feedback = false)
        => new()
        {
            Source = source, Destination = destination, Wiring = TractWiring.Windowed, Feedback = feedback,
            Window = TopographicOptions.Default with
            {
                KernelHeight = kernelHeight, KernelWidth = kernelWidth, StrideHeight = strideHeight, StrideWidth = strideWidth, Padding = padding,
            },
        };

    /// <summary>The topographic preset from an InputLayer2D into an OutputLayer2D.</summary>
    public static TractDefinition Topographic(int source, int destination, TopographicOptions? options = null)
        => new() { Source = source, Destination = destination, Wiring = TractWiring.Topographic, Window = options ?? TopographicOptions.Default };
}
