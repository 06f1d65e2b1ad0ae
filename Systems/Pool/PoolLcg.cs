namespace GrowNet.Ecs.Systems.Pool;

/// <summary>
/// The 64-bit LCG of neuropool 0.1 (Knuth's MMIX constants, wrapping): each draw advances the
/// state and returns its top 31 bits (<c>state &gt;&gt; 33</c>). Used only where compat mode must
/// reproduce the reference draws; everything else uses the engine's counter-based streams.
/// </summary>
public struct PoolLcg
{
    private ulong state;

    /// <summary>Starts from <paramref name="seed"/> as the raw state.</summary>
    public PoolLcg(ulong seed) => state = seed;

    /// <summary>The raw state.</summary>
    public readonly ulong State => state;

    /// <summary>Advances and returns the next 31-bit draw.</summary>
    public uint Next()
    {
        state = unchecked(state * 6364136223846793005UL + 1442695040888963407UL);
        return (uint)(state >> 33);
    }
}
