using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// Phase A of an InputLayer2D whose frame was staged as pixels (it has outgoing edges): pixel
/// neurons are not slot neurons, so each pixel is <c>e = gain * pixel</c>, fires iff
/// <c>|e| ≥ epsilonFire</c> and emits e on its outgoing edges. Fixed blocks, merged in order.
/// </summary>
internal sealed class PixelLayerPass
{
    /// <summary>Pixels per block.</summary>
    public const int BlockSize = 1 << 14;

    private World world = null!;
    private double[] pixels = [];
    private int count;
    private double gain;
    private double epsilonFire;
    private GateContext gates;
    private OutgoingTract[] outgoing = [];
    private int outgoingCount;
    private BlockResult[] results = [];

    public void Begin(World world, in LayerInfo info, in LayerState state, in RegionConfig regionConfig, in BusState regionBus,
        OutgoingTract[] outgoing, int outgoingCount)
    {
        this.world = world;
        var table = world.GetTable(state.Pixels);
        pixels = table.TypedColumn(RegionColumns.PixelValue).DangerousGetArray();
        count = table.Count;
        gain = info.Gain;
        epsilonFire = info.EpsilonFire;
        gates = new GateContext(regionConfig.Weight, regionBus.Modulation, regionBus.Inhibition, regionBus.CurrentStep);
        this.outgoing = outgoing;
        this.outgoingCount = outgoingCount;
    }

    /// <summary>Runs the pass; returns the number of blocks whose results are to be merged.</summary>
    public int Run(BlockResults pool)
    {
        int blocks = BlockResults.BlockCount(count, BlockSize);
        results = pool.Ensure(Math.Max(1, blocks));
        if (count == 0)
            return 0;
        world.Parallel.For(count, BlockSize, new PixelPassAction(this));
        return blocks;
    }

    public void EmitRange(int start, int end)
    {
        var result = results[start / BlockSize];
        result.Reset(outgoingCount);
        for (int i = start; i < end; i++)
        {
            double e = gain * pixels[i];
            if (!(Math.Abs(e) >= epsilonFire))
                continue;
            result.Fired++;
            for (int o = 0; o < outgoingCount; o++)
                SlotLayerPass.EmitOn(outgoing[o], o, i, e, result, gates);
        }
    }
}
