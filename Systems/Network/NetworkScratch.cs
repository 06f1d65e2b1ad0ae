namespace GrowNet.Ecs.Systems.Network;

/// <summary>Reused double buffers of the network systems (grown, never shrunk, so steady ticks allocate nothing).</summary>
internal sealed class NetworkScratch
{
    private double[] first = new double[64], second = new double[64], zeros = new double[64];

    /// <summary>A buffer of at least <paramref name="length"/> values (contents undefined).</summary>
    public Span<double> First(int length) => Grow(ref first, length).AsSpan(0, length);

    /// <summary>A second buffer, distinct from <see cref="First"/>.</summary>
    public Span<double> Second(int length) => Grow(ref second, length).AsSpan(0, length);

    /// <summary><paramref name="length"/> zeros.</summary>
    public ReadOnlySpan<double> Zeros(int length) => Grow(ref zeros, length).AsSpan(0, length);

    private static double[] Grow(ref double[] buffer, int length)
    {
        if (buffer.Length < length)
            buffer = new double[Math.Max(length, buffer.Length * 2)];
        return buffer;
    }
}
