namespace GrowNet.Ecs.Engine;

/// <summary>
/// A sequence of draws at (seed, stream, tick): draw k is <see cref="CounterRandom.Bits"/> with
/// index = <see cref="Position"/>. A value type with no shared state: save <see cref="Position"/>
/// and the same draws continue after a reload.
/// </summary>
public struct RandomStream
{
    /// <summary>Creates a stream starting at position 0.</summary>
    public RandomStream(ulong seed, ulong stream, ulong tick, ulong position = 0)
    {
        Seed = seed;
        Stream = stream;
        Tick = tick;
        Position = position;
    }

    /// <summary>World seed.</summary>
    public ulong Seed { get; }

    /// <summary>Stream id (one per purpose: construction, autowiring, …).</summary>
    public ulong Stream { get; }

    /// <summary>Tick the stream is keyed to.</summary>
    public ulong Tick { get; }

    /// <summary>Index of the next draw.</summary>
    public ulong Position { get; set; }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64() => CounterRandom.Bits(Seed, Stream, Tick, Position++);

    /// <summary>The next 32 random bits.</summary>
    public uint NextUInt32() => (uint)(NextUInt64() >> 32);

    /// <summary>A double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A float in [0, 1).</summary>
    public float NextSingle() => (NextUInt64() >> 40) * (1.0f / (1U << 24));

    /// <summary>An integer in [0, <paramref name="bound"/>) without modulo bias (Lemire's method, deterministic).</summary>
    public int NextInt(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        ulong product = (ulong)NextUInt32() * (uint)bound;
        uint low = (uint)product;
        if (low < (uint)bound)
        {
            uint threshold = (uint)-bound % (uint)bound;
            while (low < threshold)
            {
                product = (ulong)NextUInt32() * (uint)bound;
                low = (uint)product;
            }
        }

        return (int)(product >> 32);
    }
}
