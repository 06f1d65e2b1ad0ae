using System.Runtime.CompilerServices;
using GrowNet.Ecs.Components.Graph;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>
/// Step 1, gather (graph.md): every node's <c>next</c> from the rings as they were at the start of
/// the tick, and its update gate. Each node writes only its own row (and a predictor its own taps'
/// read values), so any split of the nodes into blocks gives the same bytes. Sums run in row order,
/// one rounding per operation, no fused multiply-add.
/// </summary>
internal readonly struct GraphGatherKernel : IRangeAction
{
    private readonly GraphArrays a;
    private readonly int h;
    private readonly ulong seed;
    private readonly long tick;
    private readonly bool tanh;

    public GraphGatherKernel(in GraphArrays arrays, int historyLength, ulong seed, long tick, GraphActivation activation)
    {
        a = arrays;
        h = historyLength;
        this.seed = seed;
        this.tick = tick;
        tanh = activation == GraphActivation.Tanh;
    }

    public void Execute(int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            var kind = (GraphNodeKind)a.Kind[i];
            if (kind is GraphNodeKind.Hidden or GraphNodeKind.Summary && !Gate(i))
            {
                a.Updates[i] = 0;
                continue;
            }

            a.Updates[i] = 1;
            a.Next[i] = kind switch
            {
                GraphNodeKind.Input => a.ChannelInput[a.Channel[i]],
                GraphNodeKind.Hidden => tanh ? (float)Math.Tanh(Dot(i)) : Dot(i),
                GraphNodeKind.Summary => (a.Lag(a.ChildA[i], 0, h) + a.Lag(a.ChildB[i], 0, h)) / 2f,
                _ => DotRecording(i),
            };
        }
    }

    /// <summary>The update gate: f ≥ 1, or f &gt; 0 and <c>draw(seed, "graph-update", tick, i) &lt; f</c>.</summary>
    private bool Gate(int i)
    {
        float f = a.Frequency[i];
        return f >= 1f || (f > 0f && GraphStreams.UpdateDraw(seed, tick, i) < f);
    }

    /// <summary><c>bias + Σ w · lag_src(k)</c> in row order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private float Dot(int i)
    {
        ref int source = ref a.TapSource[0];
        ref byte lag = ref a.TapLag[0];
        ref float weight = ref a.TapWeight[0];
        ref float ring = ref a.Ring[0];
        ref int head = ref a.Head[0];
        float z = a.Bias[i];
        int t = a.TapStart[i], end = t + a.TapCount[i];
        for (; t < end; t++)
        {
            int src = Unsafe.Add(ref source, t);
            int slot = Unsafe.Add(ref head, src) - Unsafe.Add(ref lag, t);
            slot += (slot >> 31) & h;
            z += Unsafe.Add(ref weight, t) * Unsafe.Add(ref ring, src * h + slot);
        }

        return z;
    }

    /// <summary>As <see cref="Dot"/>, also keeping each value v read (the learning step needs it).</summary>
    private float DotRecording(int i)
    {
        float z = a.Bias[i];
        int t = a.TapStart[i], end = t + a.TapCount[i];
        for (; t < end; t++)
        {
            float v = a.Lag(a.TapSource[t], a.TapLag[t], h);
            a.TapValue[t] = v;
            z += a.TapWeight[t] * v;
        }

        return z;
    }
}
