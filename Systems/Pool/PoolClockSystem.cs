using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Pool;

/// <summary>Pool tick step 6 (pool.md): count the tick and add its spikes to the total.</summary>
public sealed class PoolClockSystem : ISystem
{
    private static readonly ComponentSet PoolSet = ComponentSet.Of<PoolConfig, PoolState>();

    /// <inheritdoc />
    public string Name => "PoolClock";

    /// <inheritdoc />
    public void Update(World world)
    {
        foreach (var table in world.Query(PoolSet))
        {
            var states = table.Span<PoolState>();
            for (int row = 0; row < table.Count; row++)
            {
                if (world.IsRemote(table.Entities[row]))
                    continue;
                states[row].TotalSpikes += (ulong)states[row].LastSpikeCount;
                states[row].TickCount++;
            }
        }
    }
}
