using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CommunityToolkit.HighPerformance;
using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Pool;

/// <summary>
/// Structural invariants every pool must satisfy before it may tick: table shapes, CSR row
/// starts monotone and inside the synapse table, targets inside the pool, delays ≥ 1, counters
/// in range. Checked after a world is loaded, so a damaged file cannot make a kernel read out
/// of bounds.
/// </summary>
public static class PoolInvariants
{
    /// <summary>Throws <see cref="InvalidDataException"/> naming the first violated invariant of any pool in the world.</summary>
    public static void Validate(World world)
    {
        foreach (var pool in NeuronPool.All(world))
            Validate(pool);
    }

    /// <summary>Throws <see cref="InvalidDataException"/> naming the first violated invariant of <paramref name="pool"/>.</summary>
    public static void Validate(NeuronPool pool)
    {
        var world = pool.World;
        var state = pool.State;
        var config = pool.Config;
        string name = $"pool '{pool.Name}' ({pool.Entity})";
        Require(config.MaxDelay >= 1, name, "MaxDelay is 0");
        foreach (var handle in new[] { state.Cells, state.Synapses, state.DelayRing })
        {
            Require(world.IsAlive(handle), name, "refers to a missing table");
            Require(world.GetTable(handle).Owner == pool.Entity, name, "refers to a table it does not own");
        }

        var cells = world.GetTable(state.Cells);
        Require(cells.Set.IsSupersetOf(PoolColumns.CellSet), name, "cell table lacks pool columns");
        Require(world.GetTable(state.Synapses).Has(PoolColumns.Synapses), name, "synapse table lacks the synapse column");
        Require(world.GetTable(state.DelayRing).Has(PoolColumns.DelaySlot), name, "delay table lacks the delay column");
        int n = cells.Count;
        Require(n >= 1 && n <= PoolFactory.MaxCells, name, $"has {n} cells (1..{PoolFactory.MaxCells} allowed)");
        Require(world.GetTable(state.DelayRing).Count == config.MaxDelay * n, name, "delay ring size is not MaxDelay × N");
        Require(state.WriteHead >= 0 && state.WriteHead < config.MaxDelay, name, $"write head {state.WriteHead} is outside the ring");
        Require(state.ExcitatoryCount >= 0 && state.ExcitatoryCount <= n, name, "excitatory count exceeds N");
        Require(state.InputLength >= 0 && state.InputLength <= n, name, "input length exceeds N");
        Require(state.LastSpikeCount >= 0 && state.LastSpikeCount <= n, name, "last spike count exceeds N");
        var view = pool.View();
        int synapseCount = view.Synapses.Length;
        uint previous = 0;
        // Messages are built only on failure: these loops run over every cell and synapse of a load.
        for (int cell = 0; cell < n; cell++)
        {
            uint start = view.RowStart[cell];
            if (start < previous || start > synapseCount)
                Fail(name, $"CSR row start of cell {cell} is not monotone within the synapse table");
            if (view.EligibilityStamp[cell] > state.TickCount)
                Fail(name, $"eligibility stamp of cell {cell} is in the future");
            previous = start;
        }

        Require(n == 0 || view.RowStart[0] == 0, name, "CSR does not start at 0");
        Require(state.RowsSorted <= 1, name, "has a row-order flag other than 0 or 1");
        // One pass over every synapse: target inside the pool, delay ≥ 1, and row order when claimed.
        // A single combined test per synapse keeps the pass at memory speed; the message is worked out on failure.
        var synapses = view.Synapses;
        bool checkOrder = state.RowsSorted == 1;
        for (int cell = 0; cell < n; cell++)
        {
            int end = view.RowEnd(cell);
            int previousTarget = -1;
            for (int s = (int)view.RowStart[cell]; s < end; s++)
            {
                ref readonly Synapse synapse = ref synapses.DangerousGetReferenceAt(s);
                int target = synapse.Target;
                if ((target >= n) | (synapse.Delay == 0) | (checkOrder & target <= previousTarget))
                    FailSynapse(name, cell, s, synapse, n);
                previousTarget = target;
            }
        }

        for (int k = 0; k < state.LastSpikeCount; k++)
            Require((uint)view.SpikeList[k] < (uint)n, name, "spike list holds a cell outside the pool");
    }

    private static void Require(bool condition, string pool, string problem)
    {
        if (!condition)
            Fail(pool, problem);
    }

    private static void FailSynapse(string pool, int cell, int index, in Synapse synapse, int cells)
    {
        if (synapse.Target >= cells)
            Fail(pool, $"synapse {index} targets cell {synapse.Target} outside the pool");
        if (synapse.Delay == 0)
            Fail(pool, $"synapse {index} has delay 0");
        Fail(pool, $"claims ordered rows but row {cell} is not in ascending target order");
    }

    private static void Fail(string pool, string problem)
        => throw new InvalidDataException($"Invariant violated: {pool} {problem}.");
}
