using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>The range action of a pixel-layer pass: the staged pixels, the layer's constants and the per-range results.</summary>
internal readonly struct PixelPassAction(double[] pixels, double gain, double epsilonFire, in GateContext gates, OutgoingTract[] outgoing,
    int outgoingCount, RangeResult[] results) : IRangeAction
{
    private readonly GateContext gates = gates;

    public void Execute(int start, int end)
    {
        var result = results[start / PixelLayerPass.RangeSize];
        result.Reset(outgoingCount);
        for (int i = start; i < end; i++)
        {
            double e = gain * pixels[i];
            if (!(Math.Abs(e) >= epsilonFire))
                continue;
            result.Fired++;
            result.FireValues[0] = e;
            FireEmitter.Emit(outgoing, outgoingCount, i, result.FireValues, 1, result, in gates);
        }
    }
}
