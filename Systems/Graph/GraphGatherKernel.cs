using System.Runtime.CompilerServices;
using GrowNet.Ecs.Components.Graph;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>
/// Step 1, gather (graph.md): every node's <c>next</c> from the rings as they were at the start of
/// the tick, and its update gate. Each node writes only its own row (and a predictor its own taps'
/// read values), so any split of the nodes into blocks gives the same bytes. Sums run in row order,
/// one rounding per operation, no fused multiply-add. Hidden rows in the full groups of
/// <see cref="GraphHiddenLanes"/> are summed <typeparamref name="TLanes"/>.Count rows at a time, one
/// row per lane (each lane the same operations in the same order as the scalar row); tanh is
/// <see cref="GraphTanh"/> (the float of <see cref="Math.Tanh"/>), over the sums of a pass at once.
/// </summary>
internal readonly unsafe struct GraphGatherKernel<TLanes> : IRangeAction where TLanes : struct, IFloat32Lanes<TLanes>
{
    /// <summary>Hidden rows whose sums are collected before <see cref="GraphTanh"/> runs over them (a multiple of every lane count).</summary>
    private const int RowsPerPass = 64;

    /// <summary>Eight kind bytes that are all <see cref="GraphNodeKind.Summary"/>, read as one word.</summary>
    private const ulong EightSummaryKinds = (ulong)GraphNodeKind.Summary * 0x0101010101010101UL;

    private readonly GraphArrays a;
    private readonly GraphHiddenLanes lanes;
    private readonly int h;
    private readonly int sharedHead;
    private readonly ulong updateKey;
    private readonly bool tanh;

    public GraphGatherKernel(in GraphArrays arrays, GraphHiddenLanes lanes, ulong seed, long tick, GraphActivation activation)
    {
        a = arrays;
        this.lanes = lanes;
        h = lanes.HistoryLength;
        sharedHead = lanes.SharedHead(arrays);
        updateKey = GraphStreams.UpdateKey(seed, tick);
        tanh = activation == GraphActivation.Tanh;
    }

    public void Execute(int start, int end)
    {
        int count = TLanes.Count, first = lanes.HiddenStart;
        int firstGroup = Math.Min(lanes.Groups, start <= first ? 0 : (start - first + count - 1) / count);
        int lastGroup = Math.Min(lanes.Groups, end <= first ? 0 : (end - first) / count);
        Span<float> sums = stackalloc float[RowsPerPass];
        Span<int> rows = stackalloc int[RowsPerPass];
        if (firstGroup >= lastGroup)
        {
            NodesInPasses(start, end, sums, rows);
            return;
        }

        NodesInPasses(start, first + firstGroup * count, sums, rows);
        for (int g = firstGroup; g < lastGroup; g += RowsPerPass / count)
            Groups(g, Math.Min(lastGroup, g + RowsPerPass / count), sums, rows);
        NodesInPasses(first + lastGroup * count, end, sums, rows);
    }

    private void NodesInPasses(int start, int end, Span<float> sums, Span<int> rows)
    {
        for (int pass = start; pass < end; pass += RowsPerPass)
            Nodes(pass, Math.Min(end, pass + RowsPerPass), sums, rows);
    }

    /// <summary>Nodes <paramref name="start"/> .. <paramref name="end"/> − 1 one by one.</summary>
    private void Nodes(int start, int end, Span<float> sums, Span<int> rows)
    {
        int hidden = 0;
        for (int i = start; i < end; i++)
        {
            var kind = (GraphNodeKind)a.Kind[i];
            if (kind == GraphNodeKind.Summary && i + 8 <= end && Unsafe.ReadUnaligned<ulong>(ref a.Kind[i]) == EightSummaryKinds)
            {
                uint gates = GraphUpdateGates.Eight(updateKey, i, a.Frequency);
                for (int l = 0; l < 8; l++)
                    Summary(i + l, (gates & (1u << l)) != 0);
                i += 7;
                continue;
            }

            if (kind == GraphNodeKind.Summary)
            {
                Summary(i, GraphStreams.UpdateDrawAt(updateKey, i) < a.Frequency[i]);
                continue;
            }

            if (!Gate(i, kind))
                continue;
            if (kind == GraphNodeKind.Hidden && tanh)
            {
                sums[hidden] = Dot(i);
                rows[hidden++] = i;
                continue;
            }

            a.Next[i] = kind switch
            {
                GraphNodeKind.Input => a.ChannelInput[a.Channel[i]],
                GraphNodeKind.Hidden => Dot(i),
                _ => DotRecording(i),
            };
        }

        Activate(sums[..hidden], rows);
    }

    /// <summary>Hidden groups <paramref name="firstGroup"/> .. <paramref name="endGroup"/> − 1, a register per group.</summary>
    private void Groups(int firstGroup, int endGroup, Span<float> sums, Span<int> rows)
    {
        int count = TLanes.Count, hidden = 0;
        fixed (float* ring = a.Ring)
        fixed (int* head = a.Head)
        {
            for (int g = firstGroup; g < endGroup; g++)
            {
                int row = lanes.HiddenStart + g * count;
                var z = Sum(g, row, ring, head);
                if (!tanh)
                {
                    TLanes.StoreFloat(z, ref sums[0]);
                    for (int l = 0; l < count; l++)
                    {
                        if (Gate(row + l, GraphNodeKind.Hidden))
                            a.Next[row + l] = sums[l];
                    }

                    continue;
                }

                // Stored after the rows kept so far, then the rows that update are moved down over the gaps.
                int stored = hidden;
                TLanes.StoreFloat(z, ref sums[stored]);
                for (int l = 0; l < count; l++)
                {
                    if (Gate(row + l, GraphNodeKind.Hidden))
                    {
                        sums[hidden] = sums[stored + l];
                        rows[hidden++] = row + l;
                    }
                }
            }
        }

        Activate(sums[..hidden], rows);
    }

    /// <summary>
    /// The sums of group <paramref name="g"/> (rows <paramref name="row"/> onwards): lane l is row l's
    /// <c>bias + Σ w · lag_src(k)</c> in row order. A lane past its row's last tap keeps its sum (the
    /// padding weight is 0, so only a −0 sum could tell, but the mask keeps the rule exact).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private TLanes Sum(int g, int row, float* ring, int* head)
    {
        int count = TLanes.Count;
        var z = TLanes.LoadFloat(ref a.Bias[row]);
        var length = TLanes.BroadcastInt(h);
        int entry = lanes.SlotStart[g], slots = (lanes.SlotStart[g + 1] - entry) / count;
        ref int source = ref lanes.Source[0];
        ref int ringBase = ref lanes.RingBase[0];
        ref int lag = ref lanes.Lag[0];
        ref float weight = ref lanes.Weight[0];
        bool uniform = lanes.Uniform[g];
        var taps = TLanes.LoadInt(ref lanes.Counts[g * count]);
        var shared = TLanes.BroadcastInt(sharedHead);
        for (int j = 0; j < slots; j++, entry += count)
        {
            var heads = sharedHead >= 0 ? shared : TLanes.GatherInt(head, TLanes.LoadInt(ref Unsafe.Add(ref source, entry)));
            var slot = TLanes.WrapNegative(TLanes.SubtractInt(heads, TLanes.LoadInt(ref Unsafe.Add(ref lag, entry))), length);
            var v = TLanes.GatherFloat(ring, TLanes.AddInt(TLanes.LoadInt(ref Unsafe.Add(ref ringBase, entry)), slot));
            var sum = TLanes.Add(z, TLanes.Multiply(TLanes.LoadFloat(ref Unsafe.Add(ref weight, entry)), v));
            z = uniform ? sum : TLanes.SelectWhereLessInt(TLanes.BroadcastInt(j), taps, sum, z);
        }

        return z;
    }

    /// <summary>Writes tanh of each sum to its row's <c>next</c>.</summary>
    private void Activate(Span<float> sums, ReadOnlySpan<int> rows)
    {
        if (sums.IsEmpty)
            return;
        GraphTanh.Apply(sums);
        for (int j = 0; j < sums.Length; j++)
            a.Next[rows[j]] = sums[j];
    }

    /// <summary>
    /// A Summary node: <c>next</c> = (a + b) / 2 of its children's lag(0) if its gate
    /// (<paramref name="updates"/>) is open, else <c>next</c> unchanged. Without a branch on the gate
    /// (a coin flip at f = 0.5, which a branch would mispredict half the time): the mean is always
    /// computed and the stored <c>next</c> chosen bit by bit.
    /// </summary>
    private void Summary(int i, bool updates)
    {
        int childA = a.ChildA[i], childB = a.ChildB[i];
        float mean = (a.Ring[childA * h + a.Head[childA]] + a.Ring[childB * h + a.Head[childB]]) / 2f;
        int keep = (updates ? 1 : 0) - 1;
        a.Next[i] = BitConverter.Int32BitsToSingle((BitConverter.SingleToInt32Bits(mean) & ~keep) | (BitConverter.SingleToInt32Bits(a.Next[i]) & keep));
        a.Updates[i] = updates ? (byte)1 : (byte)0;
    }

    /// <summary>
    /// The update gate, also recorded in the node's update flag: Inputs and Predictors always update;
    /// Hidden and Summary nodes iff f ≥ 1, or f &gt; 0 and <c>draw(seed, "graph-update", tick, i) &lt; f</c>.
    /// </summary>
    private bool Gate(int i, GraphNodeKind kind)
    {
        float f = a.Frequency[i];
        bool updates = kind is not (GraphNodeKind.Hidden or GraphNodeKind.Summary) || f >= 1f || (f > 0f && GraphStreams.UpdateDrawAt(updateKey, i) < f);
        a.Updates[i] = updates ? (byte)1 : (byte)0;
        return updates;
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
