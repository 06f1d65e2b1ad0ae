namespace GrowNet.Ecs.Systems.Lanes;

/// <summary>
/// One vector register of 64-bit lanes, read as doubles or as 64-bit integers through the same
/// bits: the double arithmetic of <see cref="IFloat64Lanes{TSelf}"/> plus the integer, mask and
/// load/store members the region kernels are written over, once per shape, and instantiated for
/// Vector512 (8 lanes, AVX-512), Vector256 (4, AVX2) and Vector128 (2, SSE / NEON). Every
/// operation is the same IEEE-754 double (or two's-complement integer) operation per lane, so
/// every width gives the scalar rule's bits. Each implementation wraps exactly one
/// register so the JIT keeps it in one (wider logical groups are loops over
/// <see cref="IFloat64Lanes{TSelf}.Count"/>-lane pieces, not multi-register structs). A mask is a value whose lanes
/// are all ones (true) or all zeros (false).
/// </summary>
/// <typeparam name="TSelf">The implementing struct.</typeparam>
internal interface ILaneVector<TSelf> : IFloat64Lanes<TSelf> where TSelf : struct, ILaneVector<TSelf>
{
    /// <summary>All lanes zero (+0.0, integer 0, the false mask).</summary>
    static abstract TSelf Zero { get; }

    /// <summary>All lanes the integer <paramref name="value"/>.</summary>
    static abstract TSelf BroadcastInt64(long value);

    /// <summary>Loads <see cref="IFloat64Lanes{TSelf}.Count"/> consecutive doubles (unchecked).</summary>
    static abstract TSelf Load(ref double source);

    /// <summary>Loads <see cref="IFloat64Lanes{TSelf}.Count"/> consecutive 64-bit integers (unchecked).</summary>
    static abstract TSelf LoadInt64(ref long source);

    /// <summary>Loads <see cref="IFloat64Lanes{TSelf}.Count"/> consecutive 32-bit integers, sign-extended to the lanes (unchecked).</summary>
    static abstract TSelf LoadWidened(ref int source);

    /// <summary>Stores the lanes as <see cref="IFloat64Lanes{TSelf}.Count"/> consecutive doubles (unchecked).</summary>
    static abstract void Store(TSelf value, ref double destination);

    /// <summary>Stores the lanes as <see cref="IFloat64Lanes{TSelf}.Count"/> consecutive 64-bit integers (unchecked).</summary>
    static abstract void StoreInt64(TSelf value, ref long destination);

    /// <summary>Stores the low 32 bits of each integer lane as <see cref="IFloat64Lanes{TSelf}.Count"/> consecutive ints (unchecked).</summary>
    static abstract void StoreNarrowed(TSelf value, ref int destination);

    /// <summary>Lane-wise double minimum (the Vector API's Min, the same at every width).</summary>
    static abstract TSelf Min(TSelf left, TSelf right);

    /// <summary>Lane-wise double maximum (the Vector API's Max, the same at every width).</summary>
    static abstract TSelf Max(TSelf left, TSelf right);

    /// <summary>Lane-wise integer difference (<c>h − mask</c> adds one where the mask is set).</summary>
    static abstract TSelf SubtractInt64(TSelf left, TSelf right);

    /// <summary>Mask of <c>left &lt; right</c> (doubles; false for NaN).</summary>
    static abstract TSelf LessThan(TSelf left, TSelf right);

    /// <summary>Mask of <c>left &gt; right</c> (doubles; false for NaN).</summary>
    static abstract TSelf GreaterThan(TSelf left, TSelf right);

    /// <summary>Mask of <c>left ≥ right</c> (doubles; false for NaN).</summary>
    static abstract TSelf GreaterThanOrEqual(TSelf left, TSelf right);

    /// <summary>Mask of <c>left &lt; right</c> (signed 64-bit integers).</summary>
    static abstract TSelf LessThanInt64(TSelf left, TSelf right);

    /// <summary>Mask of <c>left &gt; right</c> (signed 64-bit integers).</summary>
    static abstract TSelf GreaterThanInt64(TSelf left, TSelf right);

    /// <summary>Mask of <c>left == right</c> (64-bit integers).</summary>
    static abstract TSelf EqualsInt64(TSelf left, TSelf right);

    /// <summary>Bitwise and.</summary>
    static abstract TSelf And(TSelf left, TSelf right);

    /// <summary>Bitwise or.</summary>
    static abstract TSelf Or(TSelf left, TSelf right);

    /// <summary>Lane-wise <c>mask ? whenTrue : otherwise</c> (bitwise, for a mask).</summary>
    static abstract TSelf Select(TSelf mask, TSelf whenTrue, TSelf otherwise);

    /// <summary>Whether any bit of any lane is set.</summary>
    static abstract bool AnySet(TSelf value);

    /// <summary>Bit l set where the sign (top) bit of lane l is set.</summary>
    static abstract uint MostSignificantBits(TSelf value);
}
