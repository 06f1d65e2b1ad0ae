using GrowNet.Ecs.Components.Pool;

namespace GrowNet.Ecs.Systems.Pool;

/// <summary>
/// neuropool 0.1's random connectivity, reproduced draw for draw (pool.md, "Compat generator"):
/// LCG seeded with <c>0xDEADBEEFCAFE1337 ^ N</c>, a 31-bit draw against a 32-bit threshold
/// (which doubles the density) and rows capped at MaxSynapsesPerNeuron in target order.
/// </summary>
public static class CompatGenerator
{
    /// <summary>Builds the CSR of a compat pool.</summary>
    public static SynapseRows Generate(int cells, float density, int excitatoryCount, in PoolConfig config)
    {
        PoolFactory.ValidateCellCount(cells);
        PoolFactory.ValidateDensity(density);
        var random = new PoolLcg(0xDEADBEEFCAFE1337UL ^ (ulong)cells);
        uint threshold = ThresholdOf(density);
        var rows = new SynapseRows(cells, (int)Math.Min((long)cells * 8, 1 << 24));
        int maxRow = config.MaxSynapsesPerNeuron;
        for (int source = 0; source < cells; source++)
        {
            rows.BeginRow(source);
            int rowCount = 0;
            bool inhibitory = source >= excitatoryCount;
            for (int target = 0; target < cells; target++)
            {
                if (target == source)
                    continue;
                if (rowCount >= maxRow)
                    break;
                if (random.Next() >= threshold)
                    continue;
                int magnitude = (int)(random.Next() % 60) + 10;
                byte delay = (byte)(random.Next() % config.MaxDelay + 1);
                rows.Add(new Synapse((ushort)target, (sbyte)(inhibitory ? -magnitude : magnitude), delay, 0, Maturity.New));
                rowCount++;
            }
        }

        rows.Complete();
        return rows;
    }

    /// <summary><c>(uint)(density * 2^32)</c> in float arithmetic, truncating and saturating.</summary>
    public static uint ThresholdOf(float density)
    {
        float scaled = density * 4294967296.0f;
        if (scaled >= 4294967296.0f)
            return uint.MaxValue;
        return scaled <= 0 ? 0 : (uint)scaled;
    }
}
