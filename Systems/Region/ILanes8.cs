namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// Eight 64-bit lanes, the width of the region kernels (eight gates, eight slots, eight inputs at
/// a time), read as doubles or as 64-bit integers through the same bits. Implemented by operator
/// structs over one Vector512, two Vector256 or four Vector128 registers, so each kernel is
/// written once and instantiated per width. Every operation is the same IEEE-754 double (or
/// two's-complement integer) operation per lane, so all widths give the scalar rule's bits.
/// A mask is a value whose lanes are all ones (true) or all zeros (false).
/// </summary>
/// <typeparam name="TSelf">The implementing struct.</typeparam>
internal interface ILanes8<TSelf> where TSelf : struct, ILanes8<TSelf>
{
    /// <summary>Whether the registers behind this implementation are accelerated on this machine.</summary>
    static abstract bool IsHardwareAccelerated { get; }

    /// <summary>All lanes zero (+0.0, integer 0, the false mask).</summary>
    static abstract TSelf Zero { get; }

    /// <summary>All lanes <paramref name="value"/>.</summary>
    static abstract TSelf Broadcast(double value);

    /// <summary>All lanes the integer <paramref name="value"/>.</summary>
    static abstract TSelf BroadcastInt64(long value);

    /// <summary>Loads eight consecutive doubles (unchecked).</summary>
    static abstract TSelf Load(ref double source);

    /// <summary>Loads eight consecutive 64-bit integers (unchecked).</summary>
    static abstract TSelf LoadInt64(ref long source);

    /// <summary>Loads eight consecutive 32-bit integers, sign-extended to the lanes (unchecked).</summary>
    static abstract TSelf LoadWidened(ref int source);

    /// <summary>Stores the lanes as eight consecutive doubles (unchecked).</summary>
    static abstract void Store(TSelf value, ref double destination);

    /// <summary>Stores the lanes as eight consecutive 64-bit integers (unchecked).</summary>
    static abstract void StoreInt64(TSelf value, ref long destination);

    /// <summary>Stores the low 32 bits of each integer lane as eight consecutive ints (unchecked).</summary>
    static abstract void StoreNarrowed(TSelf value, ref int destination);

    /// <summary>Lane-wise double sum.</summary>
    static abstract TSelf Add(TSelf left, TSelf right);

    /// <summary>Lane-wise double difference.</summary>
    static abstract TSelf Subtract(TSelf left, TSelf right);

    /// <summary>Lane-wise double product.</summary>
    static abstract TSelf Multiply(TSelf left, TSelf right);

    /// <summary>Lane-wise double minimum (the Vector API's Min: NaN and signed zeros as IEEE 754:2019 minimum).</summary>
    static abstract TSelf Min(TSelf left, TSelf right);

    /// <summary>Lane-wise double maximum (the Vector API's Max).</summary>
    static abstract TSelf Max(TSelf left, TSelf right);

    /// <summary>Lane-wise absolute value (sign bit cleared).</summary>
    static abstract TSelf Abs(TSelf value);

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
