using GrowNet.Ecs.Components.Graph;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>
/// Step 3, learn (Modulation phase, graph.md): normalised LMS per channel on the group's effective
/// weights, then the optional proximal L1 step. γscale comes from Cstruct at the start of the tick
/// (structure changes only after the tick). Frozen predictors neither learn nor count in P_c.
/// </summary>
public sealed class GraphLearnSystem : ISystem
{
    private readonly List<Entity> blocks = new();

    /// <inheritdoc />
    public string Name => "GraphLearn";

    /// <inheritdoc />
    public void Update(World world)
    {
        GraphBlocks.CollectLocal(world, blocks);
        foreach (var entity in blocks)
        {
            ref readonly var config = ref world.Get<GraphConfig>(entity);
            ref var state = ref world.Get<GraphState>(entity);
            state.GammaScale = GraphMath.GammaScale(config, state.Cstruct);
            var a = new GraphArrays(world, state);
            float rate = config.LearningRate * state.GammaScale;
            for (int c = 0; c < a.ChannelCount; c++)
                LearnChannel(a, c, rate, config.NormEpsilon, config.ProxL1);
        }
    }

    private static void LearnChannel(in GraphArrays a, int c, float rate, float normEpsilon, float lambda)
    {
        float p = 1f;
        for (int g = a.FirstPredictor[c]; g >= 0; g = a.GroupNext[g])
        {
            if (a.Frozen[g] != 0)
                continue;
            int start = a.TapStart[g], end = start + a.TapCount[g];
            for (int t = start; t < end; t++)
                p += a.TapValue[t] * a.TapValue[t];
        }

        float mu = rate / (normEpsilon + p);
        a.Norm[c] = p;
        a.Step[c] = mu;
        float muError = mu * a.Error[c];
        float threshold = lambda * mu;
        for (int g = a.FirstPredictor[c]; g >= 0; g = a.GroupNext[g])
        {
            if (a.Frozen[g] != 0)
                continue;
            float s = muError / a.Alpha[g];
            int start = a.TapStart[g], end = start + a.TapCount[g];
            for (int t = start; t < end; t++)
            {
                float w = a.TapWeight[t] + s * a.TapValue[t];
                if (lambda > 0f)
                    w = Math.Abs(w) > threshold ? MathF.CopySign(Math.Abs(w) - threshold, w) : 0f;
                a.TapWeight[t] = w;
            }

            a.Bias[g] += muError;
        }
    }
}
