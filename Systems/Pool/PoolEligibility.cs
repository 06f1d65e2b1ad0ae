using GrowNet.Ecs.Components.Pool;

namespace GrowNet.Ecs.Systems.Pool;

/// <summary>
/// Exact lazy eligibility decay (pool.md, Tick step 5). The reference multiplies every synapse's
/// eligibility by traceDecay/256 every tick. That map is fixed on i8 and reaches 0 from any
/// value within 128 applications (for any decay below 256 each step lowers |e| by at least 1),
/// so a row keeps a stamp (the pool tick its values are current for) and a table indexed by
/// (elapsed ticks, value) yields the same bytes whenever the row is next read or written.
/// </summary>
public static class PoolEligibility
{
    /// <summary>Elapsed-tick count from which every value has decayed to 0.</summary>
    public const int Horizon = 128;

    private static readonly sbyte[]?[] Tables = new sbyte[]?[256];

    /// <summary>
    /// The table for <paramref name="traceDecay"/>: entry <c>[elapsed * 256 + (e + 128)]</c> is e after
    /// <c>elapsed</c> decays, for elapsed in 0..<see cref="Horizon"/>.
    /// </summary>
    public static sbyte[] TableFor(byte traceDecay)
    {
        var table = Volatile.Read(ref Tables[traceDecay]);
        if (table != null)
            return table;
        table = new sbyte[(Horizon + 1) * 256];
        for (int value = -128; value < 128; value++)
        {
            int e = value;
            for (int elapsed = 0; elapsed <= Horizon; elapsed++)
            {
                table[elapsed * 256 + value + 128] = (sbyte)e;
                e = DecayOnce(e, traceDecay);
            }
        }

        Volatile.Write(ref Tables[traceDecay], table);
        return table;
    }

    /// <summary>One reference decay step: <c>(e * traceDecay) / 256</c>, 16-bit product, truncated toward zero.</summary>
    public static int DecayOnce(int value, byte traceDecay) => (short)(value * traceDecay) / 256;

    /// <summary>Brings every row of a pool up to date with <paramref name="tickCount"/>.</summary>
    public static void MaterializeAll(Span<Synapse> synapses, ReadOnlySpan<uint> rowStart, Span<ulong> stamps,
        ulong tickCount, byte traceDecay)
    {
        var table = TableFor(traceDecay);
        for (int row = 0; row < rowStart.Length; row++)
        {
            int end = row + 1 < rowStart.Length ? (int)rowStart[row + 1] : synapses.Length;
            MaterializeRow(synapses.Slice((int)rowStart[row], end - (int)rowStart[row]), ref stamps[row], tickCount, table);
        }
    }

    /// <summary>Brings one row up to date with <paramref name="tickCount"/>.</summary>
    public static void MaterializeRow(Span<Synapse> row, ref ulong stamp, ulong tickCount, sbyte[] table)
    {
        ulong elapsed = tickCount - stamp;
        stamp = tickCount;
        if (elapsed == 0)
            return;
        int offset = (int)Math.Min(elapsed, Horizon) * 256 + 128;
        for (int s = 0; s < row.Length; s++)
            row[s].Eligibility = table[offset + row[s].Eligibility];
    }
}
