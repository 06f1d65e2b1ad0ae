using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Tests.Systems.Graph;

/// <summary>
/// A plain reference of graph.md's tick without structure (steps 1–4), written from the spec
/// separately from the engine: one object per node with its own ring array, taps as lists, the
/// update gate drawn from <see cref="CounterRandom"/> with the FNV-1a stream of "graph-update".
/// </summary>
internal sealed class GraphReference
{
    public sealed class Node
    {
        public required string Kind;
        public float[] Ring = [];
        public int Head;
        public float Bias;
        public float Frequency = 1f;
        public int Channel = -1;
        public float Alpha = 1f;
        public int ChildA = -1, ChildB = -1;
        public bool Frozen;
        public List<(int Source, int Lag, float Weight)> Taps = new();
        public float Next;
        public bool Updates;
        public float[] Values = [];

        public float Lag(int k) => Ring[((Head - k) % Ring.Length + Ring.Length) % Ring.Length];
    }

    public required List<Node> Nodes;
    public required int Channels;
    public required bool Tanh;
    public required float LearningRate, NormEpsilon, ProxL1, GammaScale;
    public required ulong Seed;
    public long Tick;
    public float[] Inputs = [];
    public float[] Predictions = [];
    public float[] Errors = [];

    private static ulong UpdateStream
    {
        get
        {
            ulong hash = 0xCBF29CE484222325UL;
            foreach (char c in "graph-update")
                hash = (hash ^ c) * 0x100000001B3UL;
            return hash;
        }
    }

    public void Step()
    {
        Tick++;
        foreach (var (node, i) in Nodes.Select((n, i) => (n, i)))
            Gather(node, i);
        for (int c = 0; c < Channels; c++)
            Learn(c);
        foreach (var node in Nodes.Where(n => n.Updates))
        {
            node.Head = (node.Head + 1) % node.Ring.Length;
            node.Ring[node.Head] = node.Next;
        }
    }

    private void Gather(Node node, int index)
    {
        node.Updates = node.Kind is "Input" or "Predictor" || node.Frequency >= 1f
            || (node.Frequency > 0f && CounterRandom.NextDouble(Seed, UpdateStream, (ulong)Tick, (ulong)index) < node.Frequency);
        if (!node.Updates)
            return;
        switch (node.Kind)
        {
            case "Input":
                node.Next = Inputs[node.Channel];
                break;
            case "Summary":
                node.Next = (float)((float)(Nodes[node.ChildA].Lag(0) + Nodes[node.ChildB].Lag(0)) / 2f);
                break;
            default:
                node.Values = node.Taps.Select(t => Nodes[t.Source].Lag(t.Lag)).ToArray();
                float z = node.Bias;
                for (int k = 0; k < node.Taps.Count; k++)
                    z = (float)(z + (float)(node.Taps[k].Weight * node.Values[k]));
                node.Next = node.Kind == "Hidden" && Tanh ? (float)Math.Tanh(z) : z;
                break;
        }
    }

    private void Learn(int c)
    {
        var group = Nodes.Where(n => n.Kind == "Predictor" && n.Channel == c).ToList();
        float prediction = 0f;
        foreach (var g in group)
            prediction = (float)(prediction + (float)(g.Alpha * g.Next));
        float error = (float)(Inputs[c] - prediction);
        Predictions[c] = prediction;
        Errors[c] = error;
        float p = 1f;
        foreach (var g in group.Where(g => !g.Frozen))
            foreach (float v in g.Values)
                p = (float)(p + (float)(v * v));
        float mu = (float)((float)(LearningRate * GammaScale) / (float)(NormEpsilon + p));
        foreach (var g in group.Where(g => !g.Frozen))
        {
            float s = (float)((float)(mu * error) / g.Alpha);
            for (int k = 0; k < g.Taps.Count; k++)
            {
                float w = (float)(g.Taps[k].Weight + (float)(s * g.Values[k]));
                if (ProxL1 > 0f)
                {
                    float t = (float)(ProxL1 * mu);
                    w = Math.Abs(w) > t ? Math.Sign(w) * (float)(Math.Abs(w) - t) : 0f;
                }

                g.Taps[k] = g.Taps[k] with { Weight = w };
            }

            g.Bias = (float)(g.Bias + (float)(mu * error));
        }
    }
}
