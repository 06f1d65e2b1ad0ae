using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Workloads.Region;

/// <summary>
/// Scalar region tick: one layer of 512 E, 64 I and 16 M slot neurons bound to a port, fed a
/// uniform random value per tick (from the counter-based random, drawn ahead into a ring). One
/// <see cref="Step"/> is one <c>Region.Tick</c> (stage + world step). Set-up runs 20 000 ticks into
/// the steady state (every slot bin in use).
/// </summary>
public sealed class RegionScalarWorkload : RegionWorkload
{
    private const int InputRing = 4096;
    private readonly double[] inputs = new double[InputRing];
    private int next;

    private RegionScalarWorkload(int threads)
        : base("scalar", threads)
    {
        int layer = Region.AddLayer(512, 64, 16);
        Region.BindInput("in", layer);
        for (int i = 0; i < InputRing; i++)
            inputs[i] = CounterRandom.NextDouble(1, 0x5CA1A5, 0, (ulong)i);
    }

    /// <summary>Builds the layer and runs it into its steady state. <paramref name="threads"/> ≤ 0: one worker per core.</summary>
    public static RegionScalarWorkload Create(int threads)
    {
        var workload = new RegionScalarWorkload(threads);
        workload.Run(20_000);
        return workload;
    }

    /// <inheritdoc />
    public override long Step()
    {
        double value = inputs[next];
        next = (next + 1) & (InputRing - 1);
        Region.SetInput("in", value);
        Region.World.Step();
        return Region.Metrics.TotalSlots;
    }
}
