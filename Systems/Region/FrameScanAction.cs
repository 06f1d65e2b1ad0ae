using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// A block of <see cref="FrameScan.CountFires"/> over a pinned host frame (optionally copying it
/// into the layer's pixel column), writing one result per block.
/// </summary>
internal readonly unsafe struct FrameScanAction(double* pixels, double[]? copyTo, double gain, double epsilonFire, long[] results, int blockSize)
    : IRangeAction
{
    public void Execute(int start, int end)
    {
        var block = new ReadOnlySpan<double>(pixels + start, end - start);
        long fired = FrameScan.CountFires(block, gain, epsilonFire);
        results[start / blockSize] = fired < 0 ? fired - start : fired;
        if (copyTo != null && fired >= 0)
            block.CopyTo(copyTo.AsSpan(start));
    }
}
