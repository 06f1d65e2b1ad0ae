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
    private readonly List<Entity> blocks = new();

    /// <inheritdoc />
    public string Name => "TopologyRepresentation";

    /// <inheritdoc />
    public void Update(World world)
    {
        TopologyBlocks.Collect(world, blocks);
        foreach (var entity in blocks)
        {
            var parameters = world.Get<TopologyParameters>(entity);
            ref var state = ref world.Get<TopologyState>(entity);
            int n = world.GetTable(state.Vertices).Count;
            var wanted = Choose(parameters, state, n);
            if (wanted != state.Representation)
                Switch(world, ref state, wanted);
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
