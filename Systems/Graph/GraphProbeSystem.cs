using GrowNet.Ecs.Components.Graph;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>
/// The structural cycle's per-tick work (Modulation phase, graph.md, "Heat states"). First half of
/// the cycle: each shortlisted candidate sums its prospective gradient <c>(double)e_c · alpha_g · v_jk</c>
/// into its SNR window. Second half: each Warm candidate runs its shadow probe (a private NLMS step
/// on δ that never touches the real prediction); over the last quarter Sbase and S_R accumulate.
/// Values v are read from the rings, which still hold the start of the tick.
/// </summary>
public sealed class GraphProbeSystem : ISystem
{
    private readonly List<Entity> blocks = new();

    /// <inheritdoc />
    public string Name => "GraphProbe";

    /// <inheritdoc />
    public void Update(World world)
    {
        GraphBlocks.CollectLocal(world, blocks);
        foreach (var entity in blocks)
        {
            ref readonly var config = ref world.Get<GraphConfig>(entity);
            if (!config.Growth)
                continue;
            ref readonly var state = ref world.Get<GraphState>(entity);
            var a = new GraphArrays(world, state);
            var (_, place) = GraphMath.CycleOf(state.Tick + 1, config.CycleTicks);
            int half = config.CycleTicks / 2;
            if (place < half)
            {
                SumGradients(a, config, place / (half / config.SnrWindows));
                continue;
            }

            bool lastQuarter = place >= 3 * config.CycleTicks / 4;
            if (lastQuarter)
            {
                // Sbase starts over with the quarter (not at cycle close), so the closed cycle's value stays readable.
                for (int c = 0; c < a.ChannelCount; c++)
                    a.Baseline[c] = (place == 3 * config.CycleTicks / 4 ? 0 : a.Baseline[c]) + (double)a.Error[c] * a.Error[c];
            }

            Probe(a, config, config.LearningRate * state.GammaScale, lastQuarter);
        }
    }

    private static void SumGradients(in GraphArrays a, in GraphConfig config, int window)
    {
        int h = config.HistoryLength, size = config.ShortlistSize, m = config.SnrWindows;
        for (int g = a.PredictorStart; g < a.NodeCount; g++)
        {
            if (a.Frozen[g] != 0)
                continue;
            double scale = (double)a.Error[a.Channel[g]] * a.Alpha[g];
            int first = (g - a.PredictorStart) * size;
            for (int r = first; r < first + size; r++)
            {
                if (a.CandidateState[r] != (byte)GraphCandidateState.Shortlisted)
                    continue;
                a.WindowGradient[r * m + window] += scale * a.Lag(a.CandidateSource[r], a.CandidateLag[r], h);
            }
        }
    }

    private static void Probe(in GraphArrays a, in GraphConfig config, float rate, bool lastQuarter)
    {
        int h = config.HistoryLength, size = config.ShortlistSize;
        for (int g = a.PredictorStart; g < a.NodeCount; g++)
        {
            if (a.Frozen[g] != 0)
                continue;
            int c = a.Channel[g];
            float alpha = a.Alpha[g];
            float norm = config.NormEpsilon + a.Norm[c];
            int first = (g - a.PredictorStart) * size;
            for (int r = first; r < first + size; r++)
            {
                if (a.CandidateState[r] != (byte)GraphCandidateState.Warm)
                    continue;
                float v = a.Lag(a.CandidateSource[r], a.CandidateLag[r], h);
                float delta = a.Shadow[r];
                float shadowPrediction = a.Prediction[c] + alpha * delta * v;
                float shadowError = a.ChannelInput[c] - shadowPrediction;
                float mu = rate / (norm + v * v);
                a.Shadow[r] = delta + mu * shadowError / alpha * v;
                if (lastQuarter)
                    a.ShadowSquaredError[r] += (double)shadowError * shadowError;
            }
        }
    }
}
