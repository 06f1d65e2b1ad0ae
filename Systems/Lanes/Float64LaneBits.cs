namespace GrowNet.Ecs.Systems.Lanes;

/// <summary>The bit constants every <see cref="IFloat64Lanes{TSelf}"/> width builds 2^k from.</summary>
internal static class Float64LaneBits
{
    /// <summary>2^52: adding it to an integral k in [0, 2^52) puts k in the low mantissa bits.</summary>
    public const double TwoTo52 = 4503599627370496.0;

    /// <summary>The bits of 1.0 (exponent 1023); (k ≪ 52) + these are the bits of 2^k.</summary>
    public const long One = 0x3FF0000000000000L;
}
