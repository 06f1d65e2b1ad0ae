using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>
/// The counter-random draws of graph.md: <c>draw(seed, name, keys…)</c> is
/// <see cref="CounterRandom.NextDouble"/> with the stream id a 64-bit FNV-1a hash of the name's
/// ASCII bytes, the first key as the tick coordinate and the remaining keys packed into the index.
/// </summary>
internal static class GraphStreams
{
    /// <summary>Stream of the update gate, keyed (tick, node).</summary>
    public static readonly ulong Update = Fnv1a("graph-update");

    /// <summary>Stream of the shortlist draws, keyed (cycle, g, n).</summary>
    public static readonly ulong Shortlist = Fnv1a("graph-shortlist");

    /// <summary>Stream of the reservoir draws, keyed (h, 2n) and (h, 2n + 1).</summary>
    public static readonly ulong Build = Fnv1a("graph-build");

    /// <summary><c>draw(seed, "graph-update", tick, node)</c>.</summary>
    public static double UpdateDraw(ulong seed, long tick, int node) => UpdateDrawAt(UpdateKey(seed, tick), node);

    /// <summary>The index-free part of the update draws of one tick (<see cref="CounterRandom.TickKey"/>).</summary>
    public static ulong UpdateKey(ulong seed, long tick) => CounterRandom.TickKey(seed, Update, (ulong)tick);

    /// <summary><c>draw(seed, "graph-update", tick, node)</c> from the tick's <see cref="UpdateKey"/>.</summary>
    public static double UpdateDrawAt(ulong updateKey, int node) => CounterRandom.NextDoubleAt(updateKey, (ulong)node);

    /// <summary><c>draw(seed, "graph-shortlist", cycle, g, n)</c>; g and n share the index (g in the high 32 bits).</summary>
    public static double ShortlistDraw(ulong seed, long cycle, int g, int n)
        => CounterRandom.NextDouble(seed, Shortlist, (ulong)cycle, ((ulong)(uint)g << 32) | (uint)n);

    /// <summary><c>draw(seed, "graph-build", h, index)</c>.</summary>
    public static double BuildDraw(ulong seed, int h, long index) => CounterRandom.NextDouble(seed, Build, (ulong)h, (ulong)index);

    /// <summary>64-bit FNV-1a of the ASCII characters of <paramref name="name"/>.</summary>
    public static ulong Fnv1a(string name)
    {
        ulong hash = 0xCBF29CE484222325UL;
        foreach (char c in name)
        {
            hash ^= (byte)c;
            hash *= 0x100000001B3UL;
        }

        return hash;
    }
}
