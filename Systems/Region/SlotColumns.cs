using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// The slot columns a kernel works on: a slot table's backing arrays (stale once the table
/// grows), or a range's private scratch copy of one neuron's slots. Row moves inside a table go
/// through <see cref="Table.MoveRows"/>; only the copy between a table and scratch lives here.
/// </summary>
internal readonly struct SlotColumns
{
    public readonly long[] Key;
    public readonly double[] Strength;
    public readonly double[] Threshold;
    public readonly double[] EmaRate;
    public readonly int[] Hits;
    public readonly byte[] Flags;

    /// <summary>The columns of slot table <paramref name="table"/>.</summary>
    public SlotColumns(Table table)
    {
        Key = table.DangerousGetArray(RegionColumns.SlotKeyColumn);
        Strength = table.DangerousGetArray(RegionColumns.SlotStrength);
        Threshold = table.DangerousGetArray(RegionColumns.SlotThreshold);
        EmaRate = table.DangerousGetArray(RegionColumns.SlotEmaRate);
        Hits = table.DangerousGetArray(RegionColumns.SlotHits);
        Flags = table.DangerousGetArray(RegionColumns.SlotFlags);
    }

    /// <summary>Fresh scratch columns of <paramref name="rows"/> rows (not a table).</summary>
    public SlotColumns(int rows)
    {
        Key = new long[rows];
        Strength = new double[rows];
        Threshold = new double[rows];
        EmaRate = new double[rows];
        Hits = new int[rows];
        Flags = new byte[rows];
    }

    /// <summary>Rows the arrays hold.</summary>
    public int Rows => Key.Length;

    /// <summary>Copies rows [from, from + length) to <paramref name="destination"/> rows from <paramref name="to"/> (table ↔ scratch).</summary>
    public void CopyTo(int from, in SlotColumns destination, int to, int length)
    {
        Array.Copy(Key, from, destination.Key, to, length);
        Array.Copy(Strength, from, destination.Strength, to, length);
        Array.Copy(Threshold, from, destination.Threshold, to, length);
        Array.Copy(EmaRate, from, destination.EmaRate, to, length);
        Array.Copy(Hits, from, destination.Hits, to, length);
        Array.Copy(Flags, from, destination.Flags, to, length);
    }

    /// <summary>Writes a fresh slot (a new weight) with key <paramref name="key"/> at row <paramref name="index"/>.</summary>
    public void Init(int index, long key)
    {
        Key[index] = key;
        Strength[index] = 0;
        Threshold[index] = 0;
        EmaRate[index] = 0;
        Hits[index] = 0;
        Flags[index] = 0;
    }
}
