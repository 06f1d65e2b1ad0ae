using GrowNet.Ecs.Components.Graph;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>The block's event rows: cleared when a cycle-end structural step starts, appended in the order things happen.</summary>
internal static class GraphEvents
{
    /// <summary>Starts a new structural step (the rows keep their capacity, so steady state allocates nothing).</summary>
    public static void Clear(World world, in GraphState state) => world.ResizeTable(state.Events, 0);

    /// <summary>Appends one event.</summary>
    public static void Add(World world, in GraphState state, GraphEventKind kind, int node, int source, int lag, float weight, double value)
    {
        int row = world.AddRows(state.Events, 1);
        var table = world.GetTable(state.Events);
        table.Span(GraphColumns.EventKind)[row] = (byte)kind;
        table.Span(GraphColumns.EventNode)[row] = node;
        table.Span(GraphColumns.EventSource)[row] = source;
        table.Span(GraphColumns.EventLag)[row] = (byte)lag;
        table.Span(GraphColumns.EventWeight)[row] = weight;
        table.Span(GraphColumns.EventValue)[row] = value;
    }

    /// <summary>The rows of the last structural step.</summary>
    public static GraphEvent[] Read(World world, in GraphState state)
    {
        var table = world.GetTable(state.Events);
        var events = new GraphEvent[table.Count];
        for (int k = 0; k < events.Length; k++)
        {
            events[k] = new GraphEvent((GraphEventKind)table.Span(GraphColumns.EventKind)[k], table.Span(GraphColumns.EventNode)[k],
                table.Span(GraphColumns.EventSource)[k], table.Span(GraphColumns.EventLag)[k], table.Span(GraphColumns.EventWeight)[k],
                table.Span(GraphColumns.EventValue)[k]);
        }

        return events;
    }
}
