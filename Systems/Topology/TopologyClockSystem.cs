using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>End-of-tick bookkeeping (Decay phase): counts the block's tick and the ticks since its last representation switch.</summary>
public sealed class TopologyClockSystem : ISystem
{
    /// <inheritdoc />
    public string Name => "TopologyClock";

    /// <inheritdoc />
    public void Update(World world)
    {
        foreach (var table in world.Query(TopologyBlocks.BlockSet))
        {
            var states = table.Span<TopologyState>();
            for (int row = 0; row < states.Length; row++)
            {
                // A remote block's state lives on another rank (docs/distributed.md).
                if (world.IsRemote(table.Entities[row]))
                    continue;
                ref var state = ref states[row];
                state.TickCount++;
                if (state.TicksSinceSwitch < int.MaxValue)
                    state.TicksSinceSwitch++;
            }
        }
    }
}
