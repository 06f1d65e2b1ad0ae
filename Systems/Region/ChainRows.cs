using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// Where the fires of a slot-chain pass (<see cref="SlotChains"/>) land: lane l of the pass (lane
/// first + l of the layout, holding slot slotOfLane[first + l]) takes step j at the j-th set bit of its row in the taken bits, and a fire there is marked at
/// that input's position in the fired bits. Each lane's cursor (the word of its row being read
/// and the inputs before it) only moves forward, since steps only increase.
/// </summary>
internal readonly ref struct ChainRows
{
    private readonly int first;
    private readonly ReadOnlySpan<int> slotOfLane;
    private readonly ulong[] taken;
    private readonly int words;
    private readonly ulong[] firedAt;
    private readonly Span<int> cursorWord;
    private readonly Span<int> cursorRank;

    public ChainRows(int first, ReadOnlySpan<int> slotOfLane, ulong[] taken, int words, ulong[] firedAt, Span<int> cursorWord, Span<int> cursorRank)
    {
        this.first = first;
        this.slotOfLane = slotOfLane;
        this.taken = taken;
        this.words = words;
        this.firedAt = firedAt;
        this.cursorWord = cursorWord;
        this.cursorRank = cursorRank;
    }

    /// <summary>Marks the inputs of step <paramref name="step"/> of the lanes set in <paramref name="fired"/>.</summary>
    public void MarkFired(uint fired, int step)
    {
        while (fired != 0)
        {
            int slot = slotOfLane[first + BitOperations.TrailingZeroCount(fired)];
            fired &= fired - 1;
            int p = InputOfStep(slot * words, ref cursorWord[slot], ref cursorRank[slot], step);
            firedAt[p >> 6] |= 1UL << p;
        }
    }

    /// <summary>The position of the <paramref name="step"/>-th set bit of a row, advancing the lane's cursor.</summary>
    private int InputOfStep(int row, ref int word, ref int rank, int step)
    {
        ref ulong bits = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(taken), row);
        int w = word, before = rank;
        ulong current = Unsafe.Add(ref bits, w);
        int inWord = BitOperations.PopCount(current);
        while (before + inWord <= step)
        {
            before += inWord;
            current = Unsafe.Add(ref bits, ++w);
            inWord = BitOperations.PopCount(current);
        }

        word = w;
        rank = before;
        int within = step - before;
        if (Bmi2.X64.IsSupported)
            return w * 64 + BitOperations.TrailingZeroCount(Bmi2.X64.ParallelBitDeposit(1UL << within, current));
        for (int skip = 0; skip < within; skip++)
            current &= current - 1;
        return w * 64 + BitOperations.TrailingZeroCount(current);
    }
}
