namespace GrowNet.Ecs.Systems.Graph;

/// <summary>One 32-bit lane: the scalar instance of <see cref="IFloat32Lanes{TSelf}"/>.</summary>
internal readonly unsafe struct Float32Lanes1 : IFloat32Lanes<Float32Lanes1>
{
    private readonly int bits;

    private Float32Lanes1(int bits) => this.bits = bits;

    private float Value => BitConverter.Int32BitsToSingle(bits);

    /// <inheritdoc />
    public static bool IsHardwareAccelerated => true;

    /// <inheritdoc />
    public static int Count => 1;

    /// <inheritdoc />
    public static Float32Lanes1 BroadcastInt(int value) => new(value);

    /// <inheritdoc />
    public static Float32Lanes1 LoadInt(ref int source) => new(source);

    /// <inheritdoc />
    public static Float32Lanes1 LoadFloat(ref float source) => FromFloat(source);

    /// <inheritdoc />
    public static void StoreFloat(Float32Lanes1 value, ref float destination) => destination = value.Value;

    /// <inheritdoc />
    public static Float32Lanes1 GatherInt(int* table, Float32Lanes1 indices) => new(table[indices.bits]);

    /// <inheritdoc />
    public static Float32Lanes1 GatherFloat(float* table, Float32Lanes1 indices) => FromFloat(table[indices.bits]);

    /// <inheritdoc />
    public static Float32Lanes1 AddInt(Float32Lanes1 left, Float32Lanes1 right) => new(left.bits + right.bits);

    /// <inheritdoc />
    public static Float32Lanes1 SubtractInt(Float32Lanes1 left, Float32Lanes1 right) => new(left.bits - right.bits);

    /// <inheritdoc />
    public static Float32Lanes1 WrapNegative(Float32Lanes1 value, Float32Lanes1 length) => new(value.bits + ((value.bits >> 31) & length.bits));

    /// <inheritdoc />
    public static Float32Lanes1 Multiply(Float32Lanes1 left, Float32Lanes1 right) => FromFloat(left.Value * right.Value);

    /// <inheritdoc />
    public static Float32Lanes1 Add(Float32Lanes1 left, Float32Lanes1 right) => FromFloat(left.Value + right.Value);

    /// <inheritdoc />
    public static Float32Lanes1 SelectWhereLessInt(Float32Lanes1 left, Float32Lanes1 right, Float32Lanes1 whenLess, Float32Lanes1 otherwise)
        => left.bits < right.bits ? whenLess : otherwise;

    private static Float32Lanes1 FromFloat(float value) => new(BitConverter.SingleToInt32Bits(value));
}
