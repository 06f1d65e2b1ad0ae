using System.Runtime.CompilerServices;
using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems.Pool;

namespace GrowNet.Ecs.Systems;

/// <summary>
/// What the engine's models contribute beyond their systems: their column keys and component
/// types (registered before a world file is read, so names in the file resolve), their
/// structural invariants (checked after a load) and a one-line description per population.
/// </summary>
public static class ModelCatalog
{
    /// <summary>Registers every model's column keys and component types in this process.</summary>
    public static void EnsureRegistered()
    {
        RuntimeHelpers.RunClassConstructor(typeof(PoolColumns).TypeHandle);
        _ = ComponentType<PoolConfig>.Key;
        _ = ComponentType<PoolState>.Key;
        Region.RegionCatalog.EnsureRegistered();
        RuntimeHelpers.RunClassConstructor(typeof(Components.Topology.TopologyColumns).TypeHandle);
        _ = ComponentType<Components.Topology.TopologyParameters>.Key;
        _ = ComponentType<Components.Topology.TopologyState>.Key;
        RuntimeHelpers.RunClassConstructor(typeof(Components.Graph.GraphColumns).TypeHandle);
        _ = ComponentType<Components.Graph.GraphConfig>.Key;
        _ = ComponentType<Components.Graph.GraphState>.Key;
    }

    /// <summary>
    /// Brings every lazily kept value up to date (pool eligibility) without changing what any
    /// value means, so that equal worlds have equal bytes however often they were read.
    /// The world codec calls it before saving.
    /// </summary>
    public static void Canonicalize(World world)
    {
        foreach (var pool in NeuronPool.All(world))
        {
            pool.MaterializeEligibility();
            // The spike list is scratch past its first LastSpikeCount entries; what lies there
            // depends on the thread count that last filled it, so it is cleared.
            pool.View().SpikeList[pool.LastSpikeCount..].Clear();
        }
    }

    /// <summary>Throws <see cref="InvalidDataException"/> when any model's invariants do not hold.</summary>
    public static void Validate(World world)
    {
        PoolInvariants.Validate(world);
        Region.RegionInvariants.Validate(world);
        Topology.TopologyInvariants.Validate(world);
        Graph.GraphInvariants.Validate(world);
    }

    /// <summary>One line per population of every model.</summary>
    public static IEnumerable<string> Describe(World world)
    {
        foreach (var pool in NeuronPool.All(world))
            yield return $"pool '{pool.Name}': {pool.CellCount} cells ({pool.State.ExcitatoryCount}E/{pool.CellCount - pool.State.ExcitatoryCount}I), {pool.SynapseCount} synapses, tick {pool.TickCount}";
        foreach (string line in Region.RegionCatalog.Describe(world))
            yield return line;
        foreach (var block in Topology.TopologyBlock.All(world))
            yield return $"topology block '{block.Name}': {block.VertexCount} vertices, {block.EdgeCount} edges (budget {block.EdgeBudget}), {block.Representation}, tick {block.TickCount}";
        foreach (var block in Graph.GraphBlock.All(world))
            yield return $"graph block '{block.Name}': {block.NodeCount} nodes ({block.ChannelCount} channels, {block.NodeCount - block.PredictorStart} predictors, Lmax {block.MaxLevel}), Cstruct {block.Cstruct}, tick {block.TickCount}";
    }
}
