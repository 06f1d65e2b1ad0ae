using GrowNet.Ecs.Components.Graph;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>The scalar formulas of graph.md that several systems share.</summary>
internal static class GraphMath
{
    /// <summary>
    /// <c>γscale = 1/γ = BarrierScale · sqrt(max(1 − r², BarrierEpsilon))</c>, r = Cstruct / TapBudget,
    /// in double (the knobs widened) and rounded once to float; BarrierScale when there is no budget.
    /// </summary>
    public static float GammaScale(in GraphConfig config, int cstruct)
    {
        int budget = config.EffectiveTapBudget;
        if (budget <= 0)
            return config.BarrierScale;
        double r = (double)cstruct / budget;
        return (float)(config.BarrierScale * Math.Sqrt(Math.Max(1 - r * r, config.BarrierEpsilon)));
    }

    /// <summary>The cycle q and place p of the 1-based <paramref name="tick"/>.</summary>
    public static (long Cycle, int Place) CycleOf(long tick, int cycleTicks)
    {
        long cycle = Math.DivRem(tick - 1, cycleTicks, out long place);
        return (cycle, (int)place);
    }

    /// <summary>Tap key (source, lag) as one ascending integer: source · H + lag.</summary>
    public static int Key(int source, int lag, int h) => source * h + lag;
}
