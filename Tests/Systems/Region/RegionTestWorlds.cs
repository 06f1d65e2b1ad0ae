using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems;

namespace GrowNet.Ecs.Tests.Systems.Region;

using GrowNet.Ecs.Systems.Region;

/// <summary>Small helpers shared by the region tests.</summary>
internal static class RegionTestWorlds
{
    public static (World World, Region Region) Empty(ulong seed = 1, RegionConfig? config = null)
    {
        var world = Pipeline.CreateWorld(seed);
        return (world, Region.Create(world, "test", new RegionDefinition { Config = config ?? RegionConfig.Default }));
    }

    /// <summary>A region with one slot layer of <paramref name="excitatory"/> E neurons bound to port "in".</summary>
    public static (World World, Region Region, int Layer) SingleLayer(int excitatory = 1, SlotConfig? slots = null)
    {
        var (world, region) = Empty();
        int layer = region.AddLayer(excitatory, 0, 0, slots ?? SlotConfig.Default);
        region.BindInput("in", layer);
        return (world, region, layer);
    }

    /// <summary>FNV-1a over the bytes of every live table (archetypes and populations): equal hashes ⇔ equal world state.</summary>
    public static ulong Hash(World world)
    {
        ulong hash = 14695981039346656037UL;
        foreach (var table in world.Tables())
        {
            hash = (hash ^ (ulong)table.Count) * 1099511628211UL;
            foreach (int id in table.ColumnIds)
            {
                foreach (byte b in table.GetColumn(id).RowBytes(table.Count))
                    hash = (hash ^ b) * 1099511628211UL;
            }
        }

        return hash;
    }

    /// <summary>Stages <paramref name="value"/> on scalar port <paramref name="port"/>, steps the world once and returns the region's metrics.</summary>
    public static RegionMetrics StepInput(this Region region, string port, double value)
    {
        region.SetInput(port, value);
        region.World.Step();
        return region.Metrics;
    }

    /// <summary>Stages a [height, width] frame on image port <paramref name="port"/>, steps the world once and returns the region's metrics.</summary>
    public static RegionMetrics StepFrame(this Region region, string port, double[,] frame)
    {
        region.SetFrame(port, frame);
        region.World.Step();
        return region.Metrics;
    }

    /// <summary>Stages a row-major frame on image port <paramref name="port"/>, steps the world once and returns the region's metrics.</summary>
    public static RegionMetrics StepFrame(this Region region, string port, ReadOnlySpan<double> frame)
    {
        region.SetFrame(port, frame);
        region.World.Step();
        return region.Metrics;
    }

    /// <summary>A frame with the given pixels lit (value 1).</summary>
    public static double[,] Frame(int height, int width, params (int Row, int Col)[] lit)
    {
        var frame = new double[height, width];
        foreach (var (r, c) in lit)
            frame[r, c] = 1.0;
        return frame;
    }
}
