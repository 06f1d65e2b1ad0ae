using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// Phase A of an InputLayer2D whose frame was staged as pixels (it has outgoing edges): pixel
/// neurons are not slot neurons, so each pixel is <c>e = gain * pixel</c>, fires iff
/// <c>|e| ≥ epsilonFire</c> and emits e on its outgoing edges. Fixed ranges (each with an
/// immutable <see cref="PixelPassAction"/>), merged in order.
/// </summary>
internal static class PixelLayerPass
{
    /// <summary>Pixels per range.</summary>
    public const int RangeSize = 1 << 14;

    /// <summary>Runs the pass; returns the number of ranges whose results are to be merged.</summary>
    public static int Run(World world, in LayerInfo info, in LayerState state, in RegionConfig regionConfig, in BusState regionBus,
        OutgoingTract[] outgoing, int outgoingCount, RangeResults pool)
    {
        var table = world.GetTable(state.Pixels);
        int count = table.Count;
        int ranges = RangeResults.RangeCount(count, RangeSize);
        var results = pool.Ensure(Math.Max(1, ranges));
        if (count == 0)
            return 0;
        var gates = new GateContext(regionConfig.Weight, regionBus.Modulation, regionBus.Inhibition, regionBus.CurrentStep);
        var action = new PixelPassAction(table.DangerousGetArray(RegionColumns.PixelValue), info.Gain, info.EpsilonFire, gates, outgoing, outgoingCount, results);
        world.Parallel.For(count, RangeSize, action);
        return ranges;
    }
}
