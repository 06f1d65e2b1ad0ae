using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// A range of <see cref="FrameScan.CountFires"/> over a pinned host frame (optionally copying it
/// into the layer's pixel column), writing one result per range.
/// </summary>
internal readonly unsafe struct FrameScanAction(double* pixels, double[]? copyTo, double gain, double epsilonFire, long[] results, int rangeSize)
    : IRangeAction
{
    public void Execute(int start, int end)
    {
        var range = new ReadOnlySpan<double>(pixels + start, end - start);
        long fired = FrameScan.CountFires(range, gain, epsilonFire);
        results[start / rangeSize] = fired < 0 ? fired - start : fired;
        if (copyTo != null && fired >= 0)
            range.CopyTo(copyTo.AsSpan(start));
    }
}
