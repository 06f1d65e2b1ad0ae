using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// The dense/sparse crossover (Prune phase, after the structure is applied): a block follows a
/// fixed policy, or under <see cref="RepresentationPolicy.Auto"/> switches when
/// <see cref="TopologyCostModel"/> prefers the other representation and the cooldown has passed.
/// Results are identical in both representations; only speed and memory differ.
/// </summary>
public sealed class TopologyRepresentationSystem : ISystem
{
    /// <inheritdoc />
    public string Name => "TopologyRepresentation";

    /// <inheritdoc />
    public void Update(World world)
    {
        // A switch re-lays the blocks' own tables, never the block entities' table.
        foreach (var table in world.QueryOwners(TopologyBlocks.BlockSet))
        {
            for (int row = 0; row < table.Count; row++)
            {
                if (world.IsRemote(table.Entities[row]))
                    continue;
                var parameters = table.Span<TopologyParameters>()[row];
                ref var state = ref table.Span<TopologyState>()[row];
                int n = world.GetTable(state.Vertices).Count;
                var wanted = Choose(parameters, state, n);
                if (wanted != state.Representation)
                    Switch(world, ref state, wanted);
            }
        }
    }

    /// <summary>The representation a block should use after this tick.</summary>
    public static TopologyRepresentation Choose(in TopologyParameters parameters, in TopologyState state, int vertices)
    {
        switch (parameters.Representation)
        {
            case RepresentationPolicy.Dense:
                return TopologyRepresentation.Dense;
            case RepresentationPolicy.Sparse:
                return TopologyRepresentation.Sparse;
            default:
                if (state.TicksSinceSwitch < parameters.SwitchCooldownTicks)
                    return state.Representation;
                return TopologyCostModel.Choose(vertices, state.EdgeCount, state.Representation);
        }
    }

    /// <summary>Converts the block's tables to <paramref name="representation"/> and restarts the cooldown.</summary>
    internal static void Switch(World world, ref TopologyState state, TopologyRepresentation representation)
    {
        if (representation == TopologyRepresentation.Dense)
            TopologyStorage.ConvertToDense(world, ref state);
        else
            TopologyStorage.ConvertToSparse(world, ref state);
        state.TicksSinceSwitch = 0;
        state.Switches++;
    }
}
