namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// Sixteen float lanes, the canonical accumulation width of the topology kernels
/// (docs/topology.md, "Sum order"). Implemented by operator structs over one Vector512, two
/// Vector256 or four Vector128 registers; every operation is the same IEEE-754 single operation
/// per lane (no fused multiply-add), so all implementations, and the scalar code in
/// <see cref="LaneMath"/>, give bit-identical results.
/// </summary>
/// <typeparam name="TSelf">The implementing struct.</typeparam>
public interface ILanes16<TSelf> where TSelf : struct, ILanes16<TSelf>
{
    /// <summary>Whether the registers behind this implementation are accelerated on this machine.</summary>
    static abstract bool IsHardwareAccelerated { get; }

    /// <summary>All lanes +0.</summary>
    static abstract TSelf Zero { get; }

    /// <summary>All lanes <paramref name="value"/>.</summary>
    static abstract TSelf Broadcast(float value);

    /// <summary>Loads 16 consecutive floats starting at <paramref name="source"/> (unchecked).</summary>
    static abstract TSelf Load(ref float source);

    /// <summary>
    /// Lane l = <c>table[indices[l]]</c> for the 16 consecutive indices starting at
    /// <paramref name="indices"/> (unchecked: every index must lie inside the table, which the
    /// caller keeps pinned).
    /// </summary>
    static abstract unsafe TSelf Gather(float* table, ref int indices);

    /// <summary>Stores the lanes to 16 consecutive floats starting at <paramref name="destination"/> (unchecked).</summary>
    static abstract void Store(TSelf value, ref float destination);

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

    /// <summary>Lane-wise rounding toward −∞.</summary>
    static abstract TSelf Floor(TSelf value);

    /// <summary>Lane-wise magnitude of <paramref name="magnitude"/> with the sign bit of <paramref name="sign"/>.</summary>
    static abstract TSelf CopySign(TSelf magnitude, TSelf sign);

    /// <summary>Lane-wise <c>value · 2^n</c> for integral n in [−126, 127] (the power is built exactly from its bits).</summary>
    static abstract TSelf ScaleByPowerOfTwo(TSelf value, TSelf exponent);

    /// <summary>Lane-wise <c>left &lt; right ? whenLess : otherwise</c>.</summary>
    static abstract TSelf SelectWhereLess(TSelf left, TSelf right, TSelf whenLess, TSelf otherwise);

    /// <summary>Keeps lane l where bit l of <paramref name="lanes"/> is set; the other lanes become +0.</summary>
    static abstract TSelf KeepLanes(TSelf value, uint lanes);

    /// <summary>Bit l set where <c>|value_l| ≥ threshold_l</c>.</summary>
    static abstract uint AbsAtLeast(TSelf value, TSelf threshold);

    /// <summary>Bit l set where <c>|value_l| ≤ threshold_l</c>.</summary>
    static abstract uint AbsAtMost(TSelf value, TSelf threshold);

    /// <summary>
    /// The canonical reduction: <c>a8[l] = v[l] + v[l+8]</c>, <c>a4[l] = a8[l] + a8[l+4]</c>, then
    /// <c>(a4[0] + a4[2]) + (a4[1] + a4[3])</c>.
    /// </summary>
    static abstract float Sum(TSelf value);
}
