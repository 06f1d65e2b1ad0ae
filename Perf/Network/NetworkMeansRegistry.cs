using System.Collections.Concurrent;

namespace GrowNet.Ecs.Perf.Network;

/// <summary>
/// What <see cref="NetworkBenchmarks"/> measured besides BenchmarkDotNet's time per tick, keyed by
/// case and cell count: mean synaptic events per tick (counted untimed in the global setup) and,
/// after the run, the scheduler's mean time per tick of the pool and projection systems over
/// every benchmark tick. Filled in-process (the configured toolchain), read by <see cref="NetworkThroughputColumn"/>.
/// </summary>
public static class NetworkMeansRegistry
{
    private static readonly ConcurrentDictionary<(NetworkCase, int), NetworkMeans> Means = new();

    /// <summary>Records (or updates) a case's means.</summary>
    public static void Set(NetworkCase networkCase, int cells, NetworkMeans means) => Means[(networkCase, cells)] = means;

    /// <summary>The recorded means, if any.</summary>
    public static bool TryGet(NetworkCase networkCase, int cells, out NetworkMeans means) => Means.TryGetValue((networkCase, cells), out means!);
}
