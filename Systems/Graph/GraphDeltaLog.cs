using GrowNet.Ecs.Components.Graph;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>
/// The Δ-state log (graph.md, "Δ-state log"): a ring of (tick, node, Δ) entries for the window
/// (T − DeltaHorizon, T] with room for N × DeltaHorizon entries, and a ring of each node's last
/// DeltaHorizon + 1 states, from which the base of a reconstruction is copied (never summed from
/// expired Δs). Steady state allocates nothing; the rings grow only when nodes are appended.
/// </summary>
internal readonly struct GraphDeltaLog
{
    private readonly long[] entryTick;
    private readonly int[] entryNode;
    private readonly float[] entryValue;
    private readonly float[] states;
    private readonly int capacity;
    private readonly int horizon;
    private readonly float epsilon;
    private readonly int h;

    public GraphDeltaLog(World world, in GraphState state, in GraphConfig config)
    {
        var entries = world.GetTable(state.DeltaEntries);
        entryTick = entries.TypedColumn(GraphColumns.DeltaTick).DangerousGetArray();
        entryNode = entries.TypedColumn(GraphColumns.DeltaNode).DangerousGetArray();
        entryValue = entries.TypedColumn(GraphColumns.DeltaValue).DangerousGetArray();
        capacity = entries.Count;
        states = world.GetTable(state.DeltaStates).TypedColumn(GraphColumns.DeltaState).DangerousGetArray();
        horizon = config.DeltaHorizon;
        epsilon = config.DeltaEpsilon;
        h = config.HistoryLength;
    }

    /// <summary>Drops entries that leave the window and appends the tick's changes <c>fl(next − lag(0))</c> in node order.</summary>
    public void RecordChanges(in GraphArrays a, ref GraphState state, long tick)
    {
        while (state.DeltaCount > 0 && entryTick[state.DeltaFirst] <= tick - horizon)
        {
            state.DeltaFirst = state.DeltaFirst + 1 == capacity ? 0 : state.DeltaFirst + 1;
            state.DeltaCount--;
        }

        for (int i = 0; i < a.NodeCount; i++)
        {
            if (a.Updates[i] == 0)
                continue;
            float delta = a.Next[i] - a.Lag(i, 0, h);
            if (!(Math.Abs(delta) > epsilon))
                continue;
            int row = (int)(((long)state.DeltaFirst + state.DeltaCount) % capacity);
            entryTick[row] = tick;
            entryNode[row] = i;
            entryValue[row] = delta;
            state.DeltaCount++;
        }
    }

    /// <summary>Keeps every node's state after <paramref name="tick"/> in its state ring.</summary>
    public void RecordStates(in GraphArrays a, long tick)
    {
        int slot = (int)(tick % (horizon + 1));
        for (int i = 0; i < a.NodeCount; i++)
            states[i * (horizon + 1) + slot] = a.Lag(i, 0, h);
    }

    /// <summary>Writes a new node's state at its creation tick into its state ring.</summary>
    public void RecordCreation(int node, long tick, float value) => states[node * (horizon + 1) + (int)(tick % (horizon + 1))] = value;

    /// <summary><c>Reconstruct(node, t)</c> = base + Σ Δ in tick order (float).</summary>
    /// <exception cref="ArgumentOutOfRangeException">t lies outside the window, or before the node existed.</exception>
    public float Reconstruct(in GraphState state, int node, long t, long createdTick)
    {
        long windowStart = state.Tick - horizon;
        if (t < windowStart || t > state.Tick)
            throw new ArgumentOutOfRangeException(nameof(t), t,
                $"Tick {t} lies outside the Δ-log window [{windowStart}, {state.Tick}] (DeltaHorizon {horizon}).");
        if (t < createdTick)
            throw new ArgumentOutOfRangeException(nameof(t), t, $"Node {node} was created at tick {createdTick}, after tick {t}.");
        long baseTick = Math.Max(windowStart, createdTick);
        float value = states[node * (horizon + 1) + (int)(baseTick % (horizon + 1))];
        for (int k = 0; k < state.DeltaCount; k++)
        {
            int row = (int)(((long)state.DeltaFirst + k) % capacity);
            if (entryTick[row] > t)
                break;
            if (entryNode[row] == node && entryTick[row] > baseTick)
                value += entryValue[row];
        }

        return value;
    }

    /// <summary>
    /// Makes room for <paramref name="nodes"/> nodes: the entry ring is laid out from row 0 in its
    /// order and widened to nodes × DeltaHorizon rows, the state ring to nodes × (DeltaHorizon + 1).
    /// </summary>
    public static void Grow(World world, ref GraphState state, in GraphConfig config, int nodes)
    {
        var log = new GraphDeltaLog(world, state, config);
        int count = state.DeltaCount;
        var ticks = new long[count];
        var owners = new int[count];
        var values = new float[count];
        for (int k = 0; k < count; k++)
        {
            int row = (state.DeltaFirst + k) % log.capacity;
            (ticks[k], owners[k], values[k]) = (log.entryTick[row], log.entryNode[row], log.entryValue[row]);
        }

        world.ResizeTable(state.DeltaEntries, nodes * config.DeltaHorizon);
        world.ResizeTable(state.DeltaStates, nodes * (config.DeltaHorizon + 1));
        var table = world.GetTable(state.DeltaEntries);
        // Laid out from row 0 and the rest cleared, so the bytes depend only on the entries held.
        Relayout(table.Span(GraphColumns.DeltaTick), ticks);
        Relayout(table.Span(GraphColumns.DeltaNode), owners);
        Relayout(table.Span(GraphColumns.DeltaValue), values);
        state.DeltaFirst = 0;
    }

    private static void Relayout<T>(Span<T> column, T[] entries) where T : unmanaged
    {
        entries.CopyTo(column);
        column[entries.Length..].Clear();
    }
}
