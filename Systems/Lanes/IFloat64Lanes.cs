namespace GrowNet.Ecs.Systems.Lanes;

/// <summary>
/// One register of double lanes: the arithmetic every double-lane kernel needs (the graph
/// activation <c>GraphTanh</c> is written over it alone), implemented by the vector widths of
/// <see cref="ILaneVector{TSelf}"/> (Vector512, Vector256, Vector128: 8, 4, 2 lanes) and by
/// <see cref="LaneScalar"/> (a plain double), the repository's lane-vector convention
/// (docs/vector-widths.md). Every operation is the same IEEE-754 double operation per lane (no
/// fused multiply-add; conversions round to nearest, ties to even), so every width gives the
/// scalar struct's bits.
/// </summary>
/// <typeparam name="TSelf">The implementing struct.</typeparam>
internal interface IFloat64Lanes<TSelf> where TSelf : struct, IFloat64Lanes<TSelf>
{
    /// <summary>Whether the register behind this implementation is accelerated on this machine.</summary>
    static abstract bool IsHardwareAccelerated { get; }

    /// <summary>Lanes per register (8, 4, 2 or 1).</summary>
    static abstract int Count { get; }

    /// <summary>All lanes <paramref name="value"/>.</summary>
    static abstract TSelf Broadcast(double value);

    /// <summary>Loads <see cref="Count"/> consecutive floats, widened exactly to doubles (unchecked).</summary>
    static abstract TSelf LoadWidened(ref float source);

    /// <summary>Stores the lanes rounded to <see cref="Count"/> consecutive floats (unchecked).</summary>
    static abstract void StoreNarrowed(TSelf value, ref float destination);

    /// <summary>Lane-wise sum.</summary>
    static abstract TSelf Add(TSelf left, TSelf right);

    /// <summary>Lane-wise difference.</summary>
    static abstract TSelf Subtract(TSelf left, TSelf right);

    /// <summary>Lane-wise product.</summary>
    static abstract TSelf Multiply(TSelf left, TSelf right);

    /// <summary>Lane-wise quotient.</summary>
    static abstract TSelf Divide(TSelf left, TSelf right);

    /// <summary>Lane-wise absolute value (sign bit cleared).</summary>
    static abstract TSelf Abs(TSelf value);

    /// <summary>Lane-wise magnitude of <paramref name="magnitude"/> with the sign bit of <paramref name="sign"/>.</summary>
    static abstract TSelf CopySign(TSelf magnitude, TSelf sign);

    /// <summary>Lane-wise <c>value &gt; limit ? limit : value</c> (a NaN lane stays NaN).</summary>
    static abstract TSelf LimitAbove(TSelf value, TSelf limit);

    /// <summary>Lane-wise <c>left &lt; right ? whenLess : otherwise</c>.</summary>
    static abstract TSelf SelectWhereLess(TSelf left, TSelf right, TSelf whenLess, TSelf otherwise);

    /// <summary>Lane-wise 2^k for integral k in [0, 1023] (built exactly from its bits).</summary>
    static abstract TSelf PowerOfTwo(TSelf integral);

    /// <summary>Lane-wise <c>(double)(float)value</c>: the nearest float, widened back.</summary>
    static abstract TSelf RoundToSingle(TSelf value);

    /// <summary>Bit l set where <c>left_l ≠ right_l</c> (a NaN lane counts as unequal).</summary>
    static abstract uint NotEqualBits(TSelf left, TSelf right);
}
