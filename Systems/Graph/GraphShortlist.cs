using GrowNet.Ecs.Components.Graph;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>
/// Cold → shortlist at a cycle start (graph.md, "Shortlist"): ShortlistSize distinct Cold
/// candidates of a predictor, all of them in ascending (j, k) when the Cold space is that small,
/// else drawn with <c>draw(seed, "graph-shortlist", cycle, g, n)</c>, skipping repeats, at most
/// 4 × ShortlistSize draws; kept in ascending (j, k).
/// </summary>
internal static class GraphShortlist
{
    /// <summary>Draws the shortlists of every learnable predictor; frozen ones get an empty list.</summary>
    public static void DrawAll(in GraphArrays a, in GraphConfig config, ulong seed, long cycle)
    {
        Span<int> chosen = config.ShortlistSize <= 256 ? stackalloc int[config.ShortlistSize] : new int[config.ShortlistSize];
        for (int g = a.PredictorStart; g < a.NodeCount; g++)
        {
            Clear(a, config, g);
            if (a.Frozen[g] == 0)
                Draw(a, config, seed, cycle, g, chosen);
        }
    }

    /// <summary>Empties <paramref name="g"/>'s candidate rows and their windows.</summary>
    public static void Clear(in GraphArrays a, in GraphConfig config, int g)
    {
        int size = config.ShortlistSize;
        int first = (g - a.PredictorStart) * size;
        a.CandidateSource.AsSpan(first, size).Clear();
        a.CandidateLag.AsSpan(first, size).Clear();
        a.CandidateState.AsSpan(first, size).Clear();
        a.Shadow.AsSpan(first, size).Clear();
        a.ShadowSquaredError.AsSpan(first, size).Clear();
        a.Snr.AsSpan(first, size).Clear();
        a.WindowGradient.AsSpan(first * config.SnrWindows, size * config.SnrWindows).Clear();
    }

    private static void Draw(in GraphArrays a, in GraphConfig config, ulong seed, long cycle, int g, Span<int> chosen)
    {
        int h = config.HistoryLength, size = config.ShortlistSize;
        int cold = a.PredictorStart * h - a.TapCount[g];
        int count = 0;
        if (cold <= size)
        {
            for (int index = 0; index < cold; index++)
                chosen[count++] = ColdKey(a, g, index, h);
        }
        else
        {
            for (int n = 0; n < 4 * size && count < size; n++)
            {
                int key = ColdKey(a, g, (int)(GraphStreams.ShortlistDraw(seed, cycle, g, n) * cold), h);
                if (!chosen[..count].Contains(key))
                    chosen[count++] = key;
            }

            chosen[..count].Sort();
        }

        int first = (g - a.PredictorStart) * size;
        for (int k = 0; k < count; k++)
        {
            a.CandidateSource[first + k] = chosen[k] / h;
            a.CandidateLag[first + k] = (byte)(chosen[k] % h);
            a.CandidateState[first + k] = (byte)GraphCandidateState.Shortlisted;
        }
    }

    /// <summary>The key of Cold index <paramref name="index"/>: the index-th (j, k) in ascending order that is not a tap of g.</summary>
    private static int ColdKey(in GraphArrays a, int g, int index, int h)
    {
        int key = index;
        int start = a.TapStart[g], end = start + a.TapCount[g];
        for (int t = start; t < end; t++)
        {
            // Taps are in ascending key order: each tap at or below the running key pushes it one further.
            if (GraphMath.Key(a.TapSource[t], a.TapLag[t], h) > key)
                break;
            key++;
        }

        return key;
    }
}
