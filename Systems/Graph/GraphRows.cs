using GrowNet.Ecs.Components.Graph;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>
/// Edits of one predictor's tap row inside its reserved region, keeping ascending (source, lag)
/// order; every per-tap column moves with its tap.
/// </summary>
internal static class GraphRows
{
    /// <summary>Inserts (source, lag, weight) into <paramref name="g"/>'s row in order; returns its row.</summary>
    public static int Insert(in GraphArrays a, int g, int source, int lag, float weight, int h)
    {
        int start = a.TapStart[g], end = start + a.TapCount[g];
        int key = GraphMath.Key(source, lag, h);
        int at = start;
        while (at < end && GraphMath.Key(a.TapSource[at], a.TapLag[at], h) < key)
            at++;
        int move = end - at;
        a.TapSource.AsSpan(at, move).CopyTo(a.TapSource.AsSpan(at + 1));
        a.TapLag.AsSpan(at, move).CopyTo(a.TapLag.AsSpan(at + 1));
        a.TapWeight.AsSpan(at, move).CopyTo(a.TapWeight.AsSpan(at + 1));
        a.TapValue.AsSpan(at, move).CopyTo(a.TapValue.AsSpan(at + 1));
        a.TapSumSquares.AsSpan(at, move).CopyTo(a.TapSumSquares.AsSpan(at + 1));
        a.TapSource[at] = source;
        a.TapLag[at] = (byte)lag;
        a.TapWeight[at] = weight + 0f;
        a.TapValue[at] = 0f;
        a.TapSumSquares[at] = 0;
        a.TapCount[g]++;
        return at;
    }

    /// <summary>Removes the tap at row <paramref name="row"/> of <paramref name="g"/>'s region; the freed row is zeroed.</summary>
    public static void Remove(in GraphArrays a, int g, int row)
    {
        int end = a.TapStart[g] + a.TapCount[g];
        int move = end - row - 1;
        a.TapSource.AsSpan(row + 1, move).CopyTo(a.TapSource.AsSpan(row));
        a.TapLag.AsSpan(row + 1, move).CopyTo(a.TapLag.AsSpan(row));
        a.TapWeight.AsSpan(row + 1, move).CopyTo(a.TapWeight.AsSpan(row));
        a.TapValue.AsSpan(row + 1, move).CopyTo(a.TapValue.AsSpan(row));
        a.TapSumSquares.AsSpan(row + 1, move).CopyTo(a.TapSumSquares.AsSpan(row));
        Clear(a, end - 1);
        a.TapCount[g]--;
    }

    /// <summary>
    /// Removes learnable tap <paramref name="row"/> of predictor <paramref name="g"/> as a structural
    /// event (<paramref name="kind"/>: pruned or displaced, with its <paramref name="score"/>): the
    /// event is logged with the tap as it was, the row closes up and Cstruct drops by one.
    /// </summary>
    public static void RemoveLearnable(World world, ref GraphState state, in GraphArrays a, GraphEventKind kind, int g, int row, double score)
    {
        GraphEvents.Add(world, state, kind, g, a.TapSource[row], a.TapLag[row], a.TapWeight[row], score);
        Remove(a, g, row);
        state.Cstruct--;
    }

    /// <summary>Zeroes tap row <paramref name="row"/> (unused rows of a region stay zero, so equal blocks have equal bytes).</summary>
    public static void Clear(in GraphArrays a, int row)
    {
        a.TapSource[row] = 0;
        a.TapLag[row] = 0;
        a.TapWeight[row] = 0f;
        a.TapValue[row] = 0f;
        a.TapSumSquares[row] = 0;
    }

    /// <summary>The row of <paramref name="g"/>'s tap (source, lag), or −1.</summary>
    public static int Find(in GraphArrays a, int g, int source, int lag)
    {
        int start = a.TapStart[g], end = start + a.TapCount[g];
        for (int t = start; t < end; t++)
        {
            if (a.TapSource[t] == source && a.TapLag[t] == lag)
                return t;
        }

        return -1;
    }
}
