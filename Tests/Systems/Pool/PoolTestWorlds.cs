using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Pool;

namespace GrowNet.Ecs.Tests.Systems.Pool;

/// <summary>Small helpers shared by the pool tests.</summary>
internal static class PoolTestWorlds
{
    public static (World World, NeuronPool Pool) Empty(int cells, PoolConfig? config = null)
    {
        var world = Pipeline.CreateWorld();
        return (world, NeuronPool.Create(world, "test", PoolDefinition.Empty(cells, config ?? PoolConfig.Default)));
    }

    /// <summary>Adds one synapse source → target to an otherwise empty pool.</summary>
    public static void Connect(NeuronPool pool, int source, int target, sbyte weight, byte delay)
    {
        pool.World.AddRows(pool.State.Synapses, 1);
        var view = pool.View();
        int at = view.RowEnd(source);
        var synapses = view.Synapses;
        synapses[at..^1].CopyTo(synapses[(at + 1)..]);
        synapses[at] = new Synapse((ushort)target, weight, delay, 0, Maturity.New);
        for (int cell = source + 1; cell < view.CellCount; cell++)
            view.RowStart[cell]++;
        pool.RefreshRowOrder();
    }
}
