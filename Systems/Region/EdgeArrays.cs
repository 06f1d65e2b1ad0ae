using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>The backing arrays of a tract's edge table (valid until the table grows).</summary>
internal struct EdgeArrays
{
    public int[] Target;
    public double[] Weight;
    public double[] Strength;
    public double[] Threshold;
    public double[] EmaRate;
    public int[] Hits;
    public byte[] Flags;
    public long[] LastStep;

    public static EdgeArrays From(World world, TableHandle handle)
    {
        var table = world.GetTable(handle);
        return new EdgeArrays
        {
            Target = table.TypedColumn(RegionColumns.EdgeTarget).DangerousGetArray(),
            Weight = table.TypedColumn(RegionColumns.EdgeWeight).DangerousGetArray(),
            Strength = table.TypedColumn(RegionColumns.GateStrength).DangerousGetArray(),
            Threshold = table.TypedColumn(RegionColumns.GateThreshold).DangerousGetArray(),
            EmaRate = table.TypedColumn(RegionColumns.GateEmaRate).DangerousGetArray(),
            Hits = table.TypedColumn(RegionColumns.GateHits).DangerousGetArray(),
            Flags = table.TypedColumn(RegionColumns.GateFlags).DangerousGetArray(),
            LastStep = table.TypedColumn(RegionColumns.EdgeLastStep).DangerousGetArray(),
        };
    }

    /// <summary>Moves <paramref name="length"/> edges (overlap-safe).</summary>
    public readonly void Move(int from, int to, int length)
    {
        if (length <= 0 || from == to)
            return;
        Array.Copy(Target, from, Target, to, length);
        Array.Copy(Weight, from, Weight, to, length);
        Array.Copy(Strength, from, Strength, to, length);
        Array.Copy(Threshold, from, Threshold, to, length);
        Array.Copy(EmaRate, from, EmaRate, to, length);
        Array.Copy(Hits, from, Hits, to, length);
        Array.Copy(Flags, from, Flags, to, length);
        Array.Copy(LastStep, from, LastStep, to, length);
    }

    /// <summary>Writes a fresh edge: a new gate (all zero), fixed weight <paramref name="weight"/>.</summary>
    public readonly void Init(int index, int target, double weight, long step)
    {
        Target[index] = target;
        Weight[index] = weight;
        Strength[index] = 0;
        Threshold[index] = 0;
        EmaRate[index] = 0;
        Hits[index] = 0;
        Flags[index] = 0;
        LastStep[index] = step;
    }

    /// <summary>Zeroes rows [start, start + length).</summary>
    public readonly void Clear(int start, int length)
    {
        Array.Clear(Target, start, length);
        Array.Clear(Weight, start, length);
        Array.Clear(Strength, start, length);
        Array.Clear(Threshold, start, length);
        Array.Clear(EmaRate, start, length);
        Array.Clear(Hits, start, length);
        Array.Clear(Flags, start, length);
        Array.Clear(LastStep, start, length);
    }
}
