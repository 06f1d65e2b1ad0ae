using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Pool;

/// <summary>
/// Pool tick step 4 (pool.md): every 100 pool ticks (tick count before the increment), each
/// cell's spike-rate average takes this tick's spike, and its threshold moves up by
/// homeostaticRate when the average is above 26 and down when it is below 6.
/// </summary>
public sealed class PoolHomeostasisSystem : ISystem
{
    private static readonly ComponentSet PoolSet = ComponentSet.Of<PoolConfig, PoolState>();

    /// <inheritdoc />
    public string Name => "PoolHomeostasis";

    /// <inheritdoc />
    public void Update(World world)
    {
        foreach (var table in world.Query(PoolSet))
        {
            var configs = table.Span<PoolConfig>();
            var states = table.Span<PoolState>();
            for (int row = 0; row < table.Count; row++)
            {
                ref readonly var config = ref configs[row];
                if (config.HomeostaticRate == 0 || states[row].TickCount % 100 != 0)
                    continue;
                if (world.IsRemote(table.Entities[row]))
                    continue;
                var cells = world.GetTable(states[row].Cells);
                Adapt(config.HomeostaticRate, cells.Span(PoolColumns.SpikeOut), cells.Span(PoolColumns.SpikeRate),
                    cells.Span(PoolColumns.Threshold));
            }
        }
    }

    private static void Adapt(int rate, ReadOnlySpan<byte> spikeOut, Span<ushort> spikeRate, Span<short> threshold)
    {
        for (int i = 0; i < spikeRate.Length; i++)
        {
            uint average = ((uint)spikeRate[i] * 255 + (spikeOut[i] != 0 ? 256u : 0u)) / 256;
            spikeRate[i] = (ushort)average;
            if (average > 26)
                threshold[i] = Saturating.ToInt16(threshold[i] + rate);
            else if (average < 6)
                threshold[i] = Saturating.ToInt16(threshold[i] - rate);
        }
    }
}
