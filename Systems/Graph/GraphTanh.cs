using System.Runtime.CompilerServices;
using GrowNet.Ecs.Systems.Lanes;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>
/// The Hidden activation <c>(float)Math.Tanh((double)z)</c>, vectorised (docs/graph.md, "tanh").
/// Each lane computes tanh in double from IEEE operations only (expm1 by Cody–Waite reduction and a
/// degree-13 Taylor polynomial, then <c>t / (t + 2)</c>; relative error below 2⁻⁴⁹), the same
/// operations at every width. The double result d is rounded to float only when
/// <c>d · (1 ± 2⁻⁴⁴)</c> round to the same float: then any tanh within 2⁻⁴⁵ of the true value —
/// <see cref="Math.Tanh"/> included — rounds to that float too. Otherwise (d within 2⁻⁴⁴ of a
/// rounding boundary, about 1 argument in 10⁵) the lane takes <c>(float)Math.Tanh</c>. So the result
/// is the float of <see cref="Math.Tanh"/> for every float argument, on every width.
/// </summary>
internal static class GraphTanh
{
    /// <summary>Below 2⁻¹³, tanh(z) = z·(1 − z²/3 + …) rounds to z itself.</summary>
    private const double TinyLimit = 1.0 / 8192;

    /// <summary>From 9.5 on, tanh rounds to ±1; limiting the argument keeps 2^k small.</summary>
    private const double SaturationLimit = 9.5;

    private const double InverseLn2 = 1.44269504088896338700e+00;
    private const double Ln2High = 6.93147180369123816490e-01;
    private const double Ln2Low = 1.90821492927058770002e-10;

    /// <summary>1.5 · 2⁵²: adding and subtracting it rounds a double below 2⁵¹ to an integer (ties to even).</summary>
    private const double RoundingShift = 6755399441055744.0;

    private const double GuardBelow = 1 - 1.0 / (1L << 44);
    private const double GuardAbove = 1 + 1.0 / (1L << 44);

    /// <summary>Replaces every value by its tanh, on the widest accelerated width.</summary>
    public static void Apply(Span<float> values)
    {
        if (LaneVector512.IsHardwareAccelerated)
            Apply<LaneVector512>(values);
        else if (LaneVector256.IsHardwareAccelerated)
            Apply<LaneVector256>(values);
        else if (LaneVector128.IsHardwareAccelerated)
            Apply<LaneVector128>(values);
        else
            Apply<LaneScalar>(values);
    }

    /// <summary>Replaces every value by its tanh with lanes <typeparamref name="TLanes"/> (the tail one lane at a time).</summary>
    public static void Apply<TLanes>(Span<float> values) where TLanes : struct, IFloat64Lanes<TLanes>
    {
        ref float first = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(values);
        int i = 0;
        for (; i <= values.Length - TLanes.Count; i += TLanes.Count)
            Lanes<TLanes>(ref Unsafe.Add(ref first, i));
        for (; i < values.Length; i++)
            Lanes<LaneScalar>(ref Unsafe.Add(ref first, i));
    }

    /// <summary>tanh of one float (the scalar path, the same operations as every width).</summary>
    public static float Evaluate(float z)
    {
        Lanes<LaneScalar>(ref z);
        return z;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Lanes<T>(ref float values) where T : struct, IFloat64Lanes<T>
    {
        var z = T.LoadWidened(ref values);
        var a = T.Abs(z);
        var d = T.CopySign(TanhOfMagnitude<T>(T.LimitAbove(a, T.Broadcast(SaturationLimit))), z);
        var tiny = T.Broadcast(TinyLimit);
        var result = T.SelectWhereLess(a, tiny, z, d);
        var low = T.RoundToSingle(T.SelectWhereLess(a, tiny, z, T.Multiply(d, T.Broadcast(GuardBelow))));
        var high = T.RoundToSingle(T.SelectWhereLess(a, tiny, z, T.Multiply(d, T.Broadcast(GuardAbove))));
        uint near = T.NotEqualBits(low, high);
        if (near == 0)
            T.StoreNarrowed(result, ref values);
        else
            StoreNearBoundary(result, near, ref values);
    }

    /// <summary>Stores <paramref name="result"/>, the lanes of <paramref name="near"/> from <see cref="Math.Tanh"/> of their arguments.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void StoreNearBoundary<T>(T result, uint near, ref float values) where T : struct, IFloat64Lanes<T>
    {
        Span<float> arguments = stackalloc float[T.Count];
        for (int l = 0; l < T.Count; l++)
            arguments[l] = Unsafe.Add(ref values, l);
        T.StoreNarrowed(result, ref values);
        for (; near != 0; near &= near - 1)
        {
            int lane = System.Numerics.BitOperations.TrailingZeroCount(near);
            Unsafe.Add(ref values, lane) = (float)Math.Tanh(arguments[lane]);
        }
    }

    /// <summary>tanh(a) for a in [0, 9.5] (or NaN): <c>t / (t + 2)</c> with <c>t = expm1(2a)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T TanhOfMagnitude<T>(T a) where T : struct, IFloat64Lanes<T>
    {
        var x = T.Add(a, a);
        var shift = T.Broadcast(RoundingShift);
        var k = T.Subtract(T.Add(T.Multiply(x, T.Broadcast(InverseLn2)), shift), shift);
        var r = T.Subtract(T.Subtract(x, T.Multiply(k, T.Broadcast(Ln2High))), T.Multiply(k, T.Broadcast(Ln2Low)));
        var scale = T.PowerOfTwo(k);
        var one = T.Broadcast(1.0);
        var t = T.Add(T.Multiply(scale, ExpMinusOne(r)), T.Subtract(scale, one));
        return T.Divide(t, T.Add(t, T.Broadcast(2.0)));
    }

    /// <summary>expm1(r) for |r| ≤ ln2/2: <c>r + r²·(1/2! + r·(1/3! + … + r/13!))</c> (truncation below 2⁻⁵⁶ relative).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T ExpMinusOne<T>(T r) where T : struct, IFloat64Lanes<T>
    {
        var q = T.Broadcast(1.0 / 6227020800.0);
        q = T.Add(T.Multiply(q, r), T.Broadcast(1.0 / 479001600.0));
        q = T.Add(T.Multiply(q, r), T.Broadcast(1.0 / 39916800.0));
        q = T.Add(T.Multiply(q, r), T.Broadcast(1.0 / 3628800.0));
        q = T.Add(T.Multiply(q, r), T.Broadcast(1.0 / 362880.0));
        q = T.Add(T.Multiply(q, r), T.Broadcast(1.0 / 40320.0));
        q = T.Add(T.Multiply(q, r), T.Broadcast(1.0 / 5040.0));
        q = T.Add(T.Multiply(q, r), T.Broadcast(1.0 / 720.0));
        q = T.Add(T.Multiply(q, r), T.Broadcast(1.0 / 120.0));
        q = T.Add(T.Multiply(q, r), T.Broadcast(1.0 / 24.0));
        q = T.Add(T.Multiply(q, r), T.Broadcast(1.0 / 6.0));
        q = T.Add(T.Multiply(q, r), T.Broadcast(0.5));
        return T.Add(r, T.Multiply(T.Multiply(r, r), q));
    }
}
