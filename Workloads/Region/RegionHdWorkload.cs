namespace GrowNet.Ecs.Workloads.Region;

/// <summary>
/// HD tick: one 1920×1080 InputLayer2D bound to a port, fed an all-ones frame (every pixel fires).
/// One <see cref="Step"/> is one <c>Region.Tick2D</c>: staging validates the 2 M values and counts
/// the fires in one vectorised pass (the layer has no edges, so its count is the frame's whole
/// effect), then the step. Set-up runs 10 ticks.
/// </summary>
public sealed class RegionHdWorkload : RegionWorkload
{
    private readonly double[] frame = new double[1920 * 1080];

    private RegionHdWorkload(int threads)
        : base("hd", threads)
    {
        int input = Region.AddInputLayer2D(1080, 1920, 1.0, 0.01);
        Region.BindInput2D("camera", input);
        Array.Fill(frame, 1.0);
    }

    /// <summary>Builds the layer and runs 10 ticks. <paramref name="threads"/> ≤ 0: one worker per core.</summary>
    public static RegionHdWorkload Create(int threads)
    {
        var workload = new RegionHdWorkload(threads);
        workload.Run(10);
        return workload;
    }

    /// <inheritdoc />
    public override long Step()
    {
        Region.SetFrame("camera", frame);
        Region.World.Step();
        return Region.Metrics.Step;
    }
}
