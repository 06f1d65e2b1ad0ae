namespace GrowNet.Ecs.Components.Pool;

/// <summary>
/// The thermal maturity byte of a pool synapse: <c>(counter &lt;&lt; 2) | state</c> with state
/// Hot 0, Warm 1, Cool 2, Cold 3 and counter 0..63 (pool.md, Plasticity).
/// Byte 0 (Hot with counter 0) is a dead synapse; 0xFF (Cold/63) is frozen.
/// </summary>
public static class Maturity
{
    /// <summary>Hot state.</summary>
    public const int Hot = 0;
    /// <summary>Warm state.</summary>
    public const int Warm = 1;
    /// <summary>Cool state.</summary>
    public const int Cool = 2;
    /// <summary>Cold (frozen) state: neither increments nor decrements change it.</summary>
    public const int Cold = 3;

    /// <summary>A newly created synapse: Hot with counter 4.</summary>
    public const byte New = (4 << 2) | Hot;
    /// <summary>A frozen synapse: Cold with counter 63.</summary>
    public const byte Frozen = 0xFF;
    /// <summary>A dead synapse (pruned by <c>PruneDead</c>).</summary>
    public const byte Dead = 0;

    /// <summary>The state bits (Hot, Warm, Cool, Cold).</summary>
    public static int State(byte maturity) => maturity & 3;

    /// <summary>The counter bits (0..63).</summary>
    public static int Counter(byte maturity) => maturity >> 2;

    /// <summary>Builds a maturity byte.</summary>
    public static byte Make(int state, int counter) => (byte)((counter << 2) | state);

    /// <summary>One reinforcement: counter + 1 (at most 63), promoting at the state's bar with the counter reset to 0.</summary>
    public static byte Increment(byte maturity)
    {
        int state = maturity & 3;
        if (state == Cold)
            return maturity;
        int counter = Math.Min((maturity >> 2) + 1, 63);
        int bar = state switch { Hot => 8, Warm => 24, _ => 63 };
        return counter >= bar ? Make(state + 1, 0) : Make(state, counter);
    }

    /// <summary>One weakening: counter − 1, or at counter 0 a demotion (Cool → Warm/12, Warm → Hot/4, Hot → dead).</summary>
    public static byte Decrement(byte maturity)
    {
        int state = maturity & 3;
        if (state == Cold)
            return maturity;
        int counter = maturity >> 2;
        if (counter > 0)
            return Make(state, counter - 1);
        return state switch
        {
            Cool => Make(Warm, 12),
            Warm => Make(Hot, 4),
            _ => Dead,
        };
    }
}
