using GrowNet.Ecs.Components.Graph;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>Structural growth of a block's tables (new rows are zero; growth may allocate, ticks do not).</summary>
internal static class GraphStorage
{
    /// <summary>
    /// Appends one predictor row with its ring, a tap region of MaxInDegree rows at the end of the
    /// tap table, its candidate and window rows and its Δ-log room; returns the node's index.
    /// </summary>
    public static int AppendPredictor(World world, ref GraphState state, in GraphConfig config)
    {
        int node = world.AddRows(state.Nodes, 1);
        world.AddRows(state.Rings, config.HistoryLength);
        int tapStart = world.AddRows(state.Taps, config.MaxInDegree);
        world.AddRows(state.Candidates, config.ShortlistSize);
        world.AddRows(state.Windows, config.ShortlistSize * config.SnrWindows);
        if (config.DeltaLog)
            GraphDeltaLog.Grow(world, ref state, config, node + 1);
        var nodes = world.GetTable(state.Nodes);
        nodes.Span(GraphColumns.TapStart)[node] = tapStart;
        nodes.Span(GraphColumns.TapCapacity)[node] = config.MaxInDegree;
        return node;
    }
}
