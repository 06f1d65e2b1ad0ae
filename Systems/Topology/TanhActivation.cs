using System.Runtime.CompilerServices;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// tanh (Cephes <c>tanhf</c>): an odd polynomial for |z| &lt; 0.625, where <c>1 − 2/(e^{2|z|} + 1)</c>
/// would cancel, and that formula with the sign of z elsewhere. Absolute error below 2·10⁻⁷.
/// </summary>
public readonly struct TanhActivation : IActivationOperator
{
    private const float PolynomialLimit = 0.625f;
    private const float Q0 = -5.70498872745E-3f;
    private const float Q1 = 2.06390887954E-2f;
    private const float Q2 = -5.37397155531E-2f;
    private const float Q3 = 1.33314422036E-1f;
    private const float Q4 = -3.33332819422E-1f;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Invoke(float z)
    {
        float a = MathF.Abs(z);
        float zz = z * z;
        float q = Q0;
        q = q * zz + Q1;
        q = q * zz + Q2;
        q = q * zz + Q3;
        q = q * zz + Q4;
        float small = q * zz * z + z;
        float e = ActivationMath.Exp(a + a);
        float large = LaneMath.CopySign(1f - 2f / (e + 1f), z);
        return a < PolynomialLimit ? small : large;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TLanes Invoke<TLanes>(TLanes z) where TLanes : struct, ILanes16<TLanes>
    {
        var a = TLanes.Abs(z);
        var zz = TLanes.Multiply(z, z);
        var q = TLanes.Broadcast(Q0);
        q = TLanes.Add(TLanes.Multiply(q, zz), TLanes.Broadcast(Q1));
        q = TLanes.Add(TLanes.Multiply(q, zz), TLanes.Broadcast(Q2));
        q = TLanes.Add(TLanes.Multiply(q, zz), TLanes.Broadcast(Q3));
        q = TLanes.Add(TLanes.Multiply(q, zz), TLanes.Broadcast(Q4));
        var small = TLanes.Add(TLanes.Multiply(TLanes.Multiply(q, zz), z), z);
        var e = ActivationMath.Exp(TLanes.Add(a, a));
        var one = TLanes.Broadcast(1f);
        var large = TLanes.CopySign(TLanes.Subtract(one, TLanes.Divide(TLanes.Broadcast(2f), TLanes.Add(e, one))), z);
        return TLanes.SelectWhereLess(a, TLanes.Broadcast(PolynomialLimit), small, large);
    }
}
