using System.Runtime.CompilerServices;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// The exponential used by the activations: Cephes <c>expf</c> (Cody–Waite reduction by ln 2 in
/// two parts, a degree-6 polynomial, exact scaling by 2^n) written once for scalars and once for
/// lanes with the same operation sequence, so every lane and the scalar tail agree bit for bit
/// on any machine. Relative error about 2 ulp on [−87, 88]; the argument is clamped to that range.
/// </summary>
public static class ActivationMath
{
    private const float Log2E = 1.44269504088896341f;
    private const float Ln2High = 0.693359375f;
    private const float Ln2Low = -2.12194440e-4f;
    private const float MinArgument = -87f;
    private const float MaxArgument = 88f;
    private const float P0 = 1.9875691500E-4f;
    private const float P1 = 1.3981999507E-3f;
    private const float P2 = 8.3334519073E-3f;
    private const float P3 = 4.1665795894E-2f;
    private const float P4 = 1.6666665459E-1f;
    private const float P5 = 5.0000001201E-1f;

    /// <summary>e^x for a scalar.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Exp(float x)
    {
        x = LaneMath.Clamp(x, MinArgument, MaxArgument);
        float n = MathF.Floor(x * Log2E + 0.5f);
        float r = x - n * Ln2High;
        r = r - n * Ln2Low;
        float p = P0;
        p = p * r + P1;
        p = p * r + P2;
        p = p * r + P3;
        p = p * r + P4;
        p = p * r + P5;
        p = p * (r * r) + r + 1f;
        return LaneMath.ScaleByPowerOfTwo(p, n);
    }

    /// <summary>e^x lane-wise (bit-identical to <see cref="Exp(float)"/> per lane).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TLanes Exp<TLanes>(TLanes x) where TLanes : struct, ILanes16<TLanes>
    {
        x = LaneMath.Clamp(x, TLanes.Broadcast(MinArgument), TLanes.Broadcast(MaxArgument));
        var n = TLanes.Floor(TLanes.Add(TLanes.Multiply(x, TLanes.Broadcast(Log2E)), TLanes.Broadcast(0.5f)));
        var r = TLanes.Subtract(x, TLanes.Multiply(n, TLanes.Broadcast(Ln2High)));
        r = TLanes.Subtract(r, TLanes.Multiply(n, TLanes.Broadcast(Ln2Low)));
        var p = TLanes.Broadcast(P0);
        p = TLanes.Add(TLanes.Multiply(p, r), TLanes.Broadcast(P1));
        p = TLanes.Add(TLanes.Multiply(p, r), TLanes.Broadcast(P2));
        p = TLanes.Add(TLanes.Multiply(p, r), TLanes.Broadcast(P3));
        p = TLanes.Add(TLanes.Multiply(p, r), TLanes.Broadcast(P4));
        p = TLanes.Add(TLanes.Multiply(p, r), TLanes.Broadcast(P5));
        p = TLanes.Add(TLanes.Add(TLanes.Multiply(p, TLanes.Multiply(r, r)), r), TLanes.Broadcast(1f));
        return TLanes.ScaleByPowerOfTwo(p, n);
    }
}
