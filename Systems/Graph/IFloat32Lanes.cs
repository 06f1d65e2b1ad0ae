namespace GrowNet.Ecs.Systems.Graph;

/// <summary>
/// One register of 32-bit lanes, read as floats or ints through the same bits: the operator
/// structs the graph gather runs its Hidden rows over, one row per lane (docs/graph.md,
/// "Gather kernel"), instantiated for Vector512 (16 lanes), Vector256 (8), Vector128 (4) and a
/// single lane. Every float operation is the same IEEE-754 single operation per lane (no fused
/// multiply-add), so every width gives the scalar struct's bits.
/// </summary>
/// <typeparam name="TSelf">The implementing struct.</typeparam>
internal unsafe interface IFloat32Lanes<TSelf> where TSelf : struct, IFloat32Lanes<TSelf>
{
    /// <summary>Whether the register behind this implementation is accelerated on this machine.</summary>
    static abstract bool IsHardwareAccelerated { get; }

    /// <summary>Lanes per register (16, 8, 4 or 1).</summary>
    static abstract int Count { get; }

    /// <summary>All lanes the integer <paramref name="value"/>.</summary>
    static abstract TSelf BroadcastInt(int value);

    /// <summary>Loads <see cref="Count"/> consecutive ints (unchecked).</summary>
    static abstract TSelf LoadInt(ref int source);

    /// <summary>Loads <see cref="Count"/> consecutive floats (unchecked).</summary>
    static abstract TSelf LoadFloat(ref float source);

    /// <summary>Stores the lanes as <see cref="Count"/> consecutive floats (unchecked).</summary>
    static abstract void StoreFloat(TSelf value, ref float destination);

    /// <summary>Lane l = <c>table[indices_l]</c> as ints (unchecked: the caller keeps the table pinned and the indices inside it).</summary>
    static abstract TSelf GatherInt(int* table, TSelf indices);

    /// <summary>Lane l = <c>table[indices_l]</c> as floats (unchecked, as <see cref="GatherInt"/>).</summary>
    static abstract TSelf GatherFloat(float* table, TSelf indices);

    /// <summary>Lane-wise integer sum.</summary>
    static abstract TSelf AddInt(TSelf left, TSelf right);

    /// <summary>Lane-wise integer difference.</summary>
    static abstract TSelf SubtractInt(TSelf left, TSelf right);

    /// <summary>Lane-wise <c>value &lt; 0 ? value + length : value</c> (integers).</summary>
    static abstract TSelf WrapNegative(TSelf value, TSelf length);

    /// <summary>Lane-wise float product.</summary>
    static abstract TSelf Multiply(TSelf left, TSelf right);

    /// <summary>Lane-wise float sum.</summary>
    static abstract TSelf Add(TSelf left, TSelf right);

    /// <summary>Lane-wise <c>left &lt; right ? whenLess : otherwise</c>, comparing integers.</summary>
    static abstract TSelf SelectWhereLessInt(TSelf left, TSelf right, TSelf whenLess, TSelf otherwise);
}
