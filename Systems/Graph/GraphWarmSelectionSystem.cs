using GrowNet.Ecs.Components.Graph;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>
/// Cold → Warm at mid-cycle (Growth phase, after the tick with p = CycleTicks/2 − 1; graph.md,
/// "Shortlist"): from the window means G₁..G_m of each shortlisted candidate,
/// <c>SNR = |mean G| / (sqrt(Σ(G − mean G)² / (m − 1)) + 1e-12)</c> in double; the (at most)
/// ProbesPerCycle candidates with SNR ≥ SnrThreshold, highest first (ties → lower (j, k)), become
/// Warm with δ = 0; the others go back to Cold.
/// </summary>
public sealed class GraphWarmSelectionSystem : ISystem
{
    private readonly List<Entity> blocks = new();

    /// <inheritdoc />
    public string Name => "GraphWarmSelection";

    /// <inheritdoc />
    public void Update(World world)
    {
        GraphBlocks.CollectAtMidCycle(world, blocks);
        foreach (var entity in blocks)
        {
            ref readonly var config = ref world.Get<GraphConfig>(entity);
            ref var state = ref world.Get<GraphState>(entity);
            var a = new GraphArrays(world, state);
            int warm = 0;
            for (int g = a.PredictorStart; g < a.NodeCount; g++)
            {
                if (a.Frozen[g] == 0)
                    warm += Select(a, config, (g - a.PredictorStart) * config.ShortlistSize);
            }

            state.WarmCount = warm;
        }
    }

    private static int Select(in GraphArrays a, in GraphConfig config, int first)
    {
        int size = config.ShortlistSize, m = config.SnrWindows;
        double windowTicks = config.CycleTicks / 2 / m;
        for (int r = first; r < first + size; r++)
        {
            if (a.CandidateState[r] == (byte)GraphCandidateState.Shortlisted)
                a.Snr[r] = Snr(a.WindowGradient.AsSpan(r * m, m), windowTicks);
        }

        int warm = 0;
        for (; warm < config.ProbesPerCycle; warm++)
        {
            // Rows are in ascending (j, k), so the first of equal SNRs is the lower key.
            int best = -1;
            for (int r = first; r < first + size; r++)
            {
                if (a.CandidateState[r] == (byte)GraphCandidateState.Shortlisted && a.Snr[r] >= config.SnrThreshold
                    && (best < 0 || a.Snr[r] > a.Snr[best]))
                    best = r;
            }

            if (best < 0)
                break;
            a.CandidateState[best] = (byte)GraphCandidateState.Warm;
            a.Shadow[best] = 0f;
            a.ShadowSquaredError[best] = 0;
        }

        for (int r = first; r < first + size; r++)
        {
            if (a.CandidateState[r] == (byte)GraphCandidateState.Shortlisted)
                a.CandidateState[r] = (byte)GraphCandidateState.Cold;
        }

        return warm;
    }

    /// <summary>The SNR of the window sums <paramref name="sums"/> (each over <paramref name="windowTicks"/> ticks).</summary>
    internal static double Snr(ReadOnlySpan<double> sums, double windowTicks)
    {
        double mean = 0;
        foreach (double sum in sums)
            mean += sum / windowTicks;
        mean /= sums.Length;
        double squares = 0;
        foreach (double sum in sums)
        {
            double d = sum / windowTicks - mean;
            squares += d * d;
        }

        return Math.Abs(mean) / (Math.Sqrt(squares / (sums.Length - 1)) + 1e-12);
    }
}
