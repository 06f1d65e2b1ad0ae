using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>The backing arrays of a slot table (valid until the table grows).</summary>
internal struct SlotArrays
{
    public long[] Key;
    public double[] Strength;
    public double[] Threshold;
    public double[] EmaRate;
    public int[] Hits;
    public byte[] Flags;

    public static SlotArrays From(World world, TableHandle handle)
    {
        var table = world.GetTable(handle);
        return new SlotArrays
        {
            Key = table.TypedColumn(RegionColumns.SlotKeyColumn).DangerousGetArray(),
            Strength = table.TypedColumn(RegionColumns.SlotStrength).DangerousGetArray(),
            Threshold = table.TypedColumn(RegionColumns.SlotThreshold).DangerousGetArray(),
            EmaRate = table.TypedColumn(RegionColumns.SlotEmaRate).DangerousGetArray(),
            Hits = table.TypedColumn(RegionColumns.SlotHits).DangerousGetArray(),
            Flags = table.TypedColumn(RegionColumns.SlotFlags).DangerousGetArray(),
        };
    }

    /// <summary>Copies <paramref name="length"/> slots from <paramref name="from"/> to <paramref name="to"/> (overlap-safe) and clears the source rows left behind.</summary>
    public readonly void Move(int from, int to, int length)
    {
        Array.Copy(Key, from, Key, to, length);
        Array.Copy(Strength, from, Strength, to, length);
        Array.Copy(Threshold, from, Threshold, to, length);
        Array.Copy(EmaRate, from, EmaRate, to, length);
        Array.Copy(Hits, from, Hits, to, length);
        Array.Copy(Flags, from, Flags, to, length);
    }

    /// <summary>Copies rows [from, from + length) to <paramref name="destination"/> rows starting at <paramref name="to"/>.</summary>
    public readonly void CopyTo(int from, in SlotArrays destination, int to, int length)
    {
        Array.Copy(Key, from, destination.Key, to, length);
        Array.Copy(Strength, from, destination.Strength, to, length);
        Array.Copy(Threshold, from, destination.Threshold, to, length);
        Array.Copy(EmaRate, from, destination.EmaRate, to, length);
        Array.Copy(Hits, from, destination.Hits, to, length);
        Array.Copy(Flags, from, destination.Flags, to, length);
    }

    /// <summary>Fresh arrays of <paramref name="rows"/> rows (scratch, not a table).</summary>
    public static SlotArrays Allocate(int rows) => new()
    {
        Key = new long[rows],
        Strength = new double[rows],
        Threshold = new double[rows],
        EmaRate = new double[rows],
        Hits = new int[rows],
        Flags = new byte[rows],
    };

    /// <summary>Zeroes rows [start, start + length).</summary>
    public readonly void Clear(int start, int length)
    {
        Array.Clear(Key, start, length);
        Array.Clear(Strength, start, length);
        Array.Clear(Threshold, start, length);
        Array.Clear(EmaRate, start, length);
        Array.Clear(Hits, start, length);
        Array.Clear(Flags, start, length);
    }
}
