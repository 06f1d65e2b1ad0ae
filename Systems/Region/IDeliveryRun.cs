namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// The inputs one neuron takes in order during a pass, as a struct the kernel is specialised for
/// (no delegate or virtual call per input).
/// </summary>
internal interface IDeliveryRun
{
    /// <summary>Number of inputs.</summary>
    int Count { get; }

    /// <summary>
    /// The array behind <see cref="Values"/> when every row of the layer takes the same inputs
    /// this pass (a broadcast run), else null: rows may then share work derived from the values.
    /// </summary>
    double[]? SharedValues { get; }

    /// <summary>All input values, in order.</summary>
    ReadOnlySpan<double> Values { get; }

    /// <summary>Value of input <paramref name="i"/>.</summary>
    double Value(int i);

    /// <summary>Source row of input <paramref name="i"/> (a pixel index when the source is an image).</summary>
    int Source(int i);

    /// <summary>Canonical position of input <paramref name="i"/> in the tick (orders growth requests).</summary>
    long Ordinal(int i);
}
