using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// Pruning (grownet.md "Pruning"): removes every gated edge that is both stale
/// (<c>step − lastStep &gt; staleWindow</c>) and weak (<c>gate.strength &lt; minStrength</c>),
/// keeping the order of the rest. Queued events name target neurons, not edges, so they stay valid.
/// </summary>
public static class RegionPruner
{
    /// <summary>Prunes every gated tract of <paramref name="region"/> at the region bus step.</summary>
    public static PruneResult Prune(World world, Entity region, long staleWindow, double minStrength)
    {
        ArgumentNullException.ThrowIfNull(world);
        long step = world.Get<BusState>(region).CurrentStep;
        int synapses = 0, edges = 0;
        foreach (var tract in RegionAccess.Tracts(world, world.Get<RegionState>(region)))
        {
            var info = world.Get<TractInfo>(tract);
            if (info.Kind != TractKind.Gated)
                continue;
            int removed = PruneTract(world, world.Get<TractState>(tract), step, staleWindow, minStrength);
            if (info.Source == info.Destination)
                synapses += removed;
            else
                edges += removed;
        }

        return new PruneResult(synapses, edges);
    }

    private static int PruneTract(World world, in TractState state, long step, long staleWindow, double minStrength)
    {
        var edges = world.GetTable(state.Edges);
        var lastStep = edges.Span(RegionColumns.EdgeLastStep);
        var strength = edges.Span(RegionColumns.GateStrength);
        var rowStart = world.GetTable(state.Sources).Span(RegionColumns.EdgeRowStart);
        int write = 0;
        int read = 0;
        // Kept edges move down in runs (every column at once); the order within rows is kept.
        int runStart = 0, runLength = 0;
        for (int s = 0; s < rowStart.Length - 1; s++)
        {
            int end = rowStart[s + 1];
            rowStart[s] = write;
            for (; read < end; read++)
            {
                bool stale = step - lastStep[read] > staleWindow;
                bool weak = strength[read] < minStrength;
                if (stale && weak)
                {
                    edges.MoveRows(runStart, write - runLength, runLength);
                    runLength = 0;
                    continue;
                }

                if (runLength == 0)
                    runStart = read;
                runLength++;
                write++;
            }
        }

        edges.MoveRows(runStart, write - runLength, runLength);
        int removed = read - write;
        rowStart[^1] = write;
        if (removed > 0)
            world.ResizeTable(state.Edges, write);
        return removed;
    }
}
