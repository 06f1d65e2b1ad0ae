using GrowNet.Ecs.Components.Graph;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>
/// The node layout a config gives at construction (graph.md, "Data" and "Hierarchy"): Inputs
/// 0..C − 1, Hidden C..C + n0 − 1, the Summary nodes level by level, left to right, then one
/// predictor per channel.
/// </summary>
internal sealed class GraphLayout
{
    public GraphLayout(in GraphConfig config)
    {
        Channels = config.Channels;
        HiddenCount = config.Hidden;
        var children = new List<(int A, int B, int Level)>();
        if (config.Hierarchy && HiddenCount >= 2)
        {
            var modules = new List<int>(HiddenCount);
            for (int h = 0; h < HiddenCount; h++)
                modules.Add(Channels + h);
            int level = 0;
            int nextNode = Channels + HiddenCount;
            while (modules.Count > 1)
            {
                level++;
                var upper = new List<int>((modules.Count + 1) / 2);
                for (int m = 0; m < modules.Count; m += 2)
                {
                    if (m + 1 == modules.Count)
                    {
                        // An odd last module is carried up alone, without a new node.
                        upper.Add(modules[m]);
                        continue;
                    }

                    children.Add((modules[m], modules[m + 1], level));
                    upper.Add(nextNode++);
                }

                modules = upper;
            }

            MaxLevel = level;
        }

        Summaries = children.ToArray();
    }

    public int Channels { get; }
    public int HiddenCount { get; }
    public int MaxLevel { get; }

    /// <summary>Children and level of each Summary node, in node order.</summary>
    public (int A, int B, int Level)[] Summaries { get; }

    public int HiddenStart => Channels;
    public int SummaryStart => Channels + HiddenCount;
    public int PredictorStart => SummaryStart + Summaries.Length;
    public int NodeCount => PredictorStart + Channels;

    public GraphNodeKind KindOf(int node) => node < HiddenStart ? GraphNodeKind.Input
        : node < SummaryStart ? GraphNodeKind.Hidden
        : node < PredictorStart ? GraphNodeKind.Summary
        : GraphNodeKind.Predictor;
}
