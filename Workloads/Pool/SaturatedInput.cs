using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GrowNet.Ecs.Workloads.Pool;

/// <summary>
/// The saturated input pattern: on tick <c>t</c> cell <c>i</c> gets <see cref="Current"/> when,
/// in wrapping 32-bit unsigned arithmetic, <c>h = rotl(i*2654435761 + t*40503, 13) * 0x9E3779B1</c>
/// has <c>(h &gt;&gt; 16) % 1000 &lt; 50</c>; every other cell gets 0. About 5 % of the cells are driven.
/// </summary>
public static class SaturatedInput
{
    /// <summary>Current given to a driven cell.</summary>
    public const short Current = 10000;

    private const uint CellMultiplier = 2654435761u;
    private const uint TickMultiplier = 40503u;
    private const uint Mix = 0x9E3779B1u;

    /// <summary>Whether cell <paramref name="cell"/> is driven on tick <paramref name="tick"/> (the reference formula).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Fires(uint cell, uint tick)
    {
        uint h = BitOperations.RotateLeft(unchecked(cell * CellMultiplier + tick * TickMultiplier), 13) * Mix;
        return (h >> 16) % 1000 < 50;
    }

    /// <summary>Writes tick <paramref name="tick"/>'s pattern into <paramref name="buffer"/> (cell i at index i). Allocation-free.</summary>
    public static void Fill(Span<short> buffer, uint tick)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && buffer.Length >= Vector<ushort>.Count)
            i = FillVector(buffer, tick);
        for (; i < buffer.Length; i++)
            buffer[i] = Fires((uint)i, tick) ? Current : (short)0;
    }

    /// <summary>Reference scalar fill, for checking <see cref="Fill"/>.</summary>
    public static void FillScalar(Span<short> buffer, uint tick)
    {
        for (int i = 0; i < buffer.Length; i++)
            buffer[i] = Fires((uint)i, tick) ? Current : (short)0;
    }

    /// <summary>Vector body of <see cref="Fill"/>; returns the first index it did not write.</summary>
    private static int FillVector(Span<short> buffer, uint tick)
    {
        int lanes = Vector<uint>.Count;
        int step = Vector<ushort>.Count; // two uint vectors narrow into one ushort vector
        var output = MemoryMarshal.Cast<short, ushort>(buffer);
        Span<uint> laneIndex = stackalloc uint[Vector<uint>.Count];
        for (int l = 0; l < lanes; l++)
            laneIndex[l] = (uint)l;
        // Cell term i*K, advanced by lanes*K per vector, all wrapping.
        var cellTerm = new Vector<uint>(laneIndex) * new Vector<uint>(CellMultiplier);
        var laneStride = new Vector<uint>(unchecked((uint)lanes * CellMultiplier));
        var tickTerm = new Vector<uint>(unchecked(tick * TickMultiplier));
        var current = new Vector<ushort>((ushort)Current);
        int i = 0;
        for (; i + step <= buffer.Length; i += step)
        {
            var low = Driven(cellTerm + tickTerm);
            cellTerm += laneStride;
            var high = Driven(cellTerm + tickTerm);
            cellTerm += laneStride;
            var mask = Vector.Narrow(low, high);
            (mask & current).CopyTo(output[i..]);
        }

        return i;
    }

    /// <summary>All-ones lanes where the pattern fires for the pre-rotation sums <paramref name="x"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<uint> Driven(Vector<uint> x)
    {
        var rotated = Vector.ShiftLeft(x, 13) | Vector.ShiftRightLogical(x, 19);
        var y = Vector.ShiftRightLogical(rotated * new Vector<uint>(Mix), 16); // < 65 536
        // y / 1000 == (y / 8) / 125 == ((y >> 3) * 8389) >> 20, exact for every y < 65 536.
        var q = Vector.ShiftRightLogical(Vector.ShiftRightLogical(y, 3) * new Vector<uint>(8389u), 20);
        var r = y - q * new Vector<uint>(1000u);
        return Vector.LessThan(r, new Vector<uint>(50u));
    }
}
