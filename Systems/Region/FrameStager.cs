using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// Stages a frame on the InputLayer2D layers bound to a port. A layer without outgoing edges is
/// affected by its frame only through its fire count, so only the count is staged; a layer with
/// edges gets the pixels copied into its pixel table. Everything is validated (shape, finite
/// values) before anything is written.
/// </summary>
internal sealed class FrameStager
{
    /// <summary>Pixels per range of the staging scan.</summary>
    public const int RangeSize = 1 << 17;

    private long[] rangeResults = new long[16];

    /// <summary>Validates <paramref name="frame"/> against every bound layer, then stages it.</summary>
    public unsafe void Stage(World world, in RegionConfig config, ReadOnlySpan<int> layerIndices, ReadOnlySpan<Entity> layers,
        ReadOnlySpan<double> frame, string port)
    {
        // Validation pass (and the fire count of the first layer).
        var first = world.Get<LayerInfo>(layers[layerIndices[0]]);
        long firstCount = Scan(world, frame, first.Gain, first.EpsilonFire, copyTo: null);
        if (firstCount < 0)
        {
            long index = -1 - firstCount;
            throw new ArgumentException(
                $"Frame for port '{port}' has a non-finite value {frame[(int)index]} at pixel ({index / first.Width}, {index % first.Width}).",
                nameof(frame));
        }

        SpatialSummary spatial = config.SpatialMetrics ? SpatialSummary.Of(frame, first.Height, first.Width) : default;
        foreach (int index in layerIndices)
        {
            var layer = layers[index];
            var info = world.Get<LayerInfo>(layer);
            ref var state = ref world.Get<LayerState>(layer);
            bool needsPixels = HasOutgoingEdges(world, layer);
            long fired = firstCount;
            if (needsPixels)
            {
                var pixels = world.GetTable(state.Pixels).DangerousGetArray(RegionColumns.PixelValue);
                fired = Scan(world, frame, info.Gain, info.EpsilonFire, pixels);
            }
            else if (info.Gain != first.Gain || info.EpsilonFire != first.EpsilonFire)
            {
                fired = Scan(world, frame, info.Gain, info.EpsilonFire, copyTo: null);
            }

            state.Staging = needsPixels ? FrameStaging.Pixels : FrameStaging.FireCountOnly;
            state.StagedFired = (int)fired;
            state.StagedSpatial = spatial;
        }
    }

    /// <summary>Whether any tract leaves <paramref name="layer"/> (then its pixels must be staged).</summary>
    public static bool HasOutgoingEdges(World world, Entity layer)
    {
        var info = world.Get<LayerInfo>(layer);
        var region = world.Get<RegionState>(info.Region);
        foreach (var tract in RegionAccess.Tracts(world, region))
        {
            if (world.Get<TractInfo>(tract).Source == info.Index)
                return true;
        }

        return false;
    }

    private unsafe long Scan(World world, ReadOnlySpan<double> frame, double gain, double epsilonFire, double[]? copyTo)
    {
        int ranges = RangeResults.RangeCount(frame.Length, RangeSize);
        if (rangeResults.Length < ranges)
            rangeResults = new long[ranges];
        fixed (double* pixels = frame)
            world.Parallel.For(frame.Length, RangeSize, new FrameScanAction(pixels, copyTo, gain, epsilonFire, rangeResults, RangeSize));
        long total = 0;
        for (int b = 0; b < ranges; b++)
        {
            if (rangeResults[b] < 0)
                return rangeResults[b];
            total += rangeResults[b];
        }

        return total;
    }
}
