using System.Collections.Concurrent;

namespace GrowNet.Ecs.Perf.Pool;

/// <summary>
/// Mean synaptic events and spikes per tick measured by a benchmark's global setup, keyed by
/// workload and regime, so <see cref="PoolThroughputColumn"/> can turn BenchmarkDotNet's time per
/// tick into events per second. Filled in-process (the configured toolchain runs benchmarks in
/// the host process); an out-of-process run leaves it empty and the columns read "n/a".
/// </summary>
public static class MeanEventsRegistry
{
    private static readonly ConcurrentDictionary<(PoolWorkload, InputRegime), (double Events, double Spikes)> Means = new();

    /// <summary>Records the means of a workload and regime.</summary>
    public static void Set(PoolWorkload workload, InputRegime regime, double eventsPerTick, double spikesPerTick) =>
        Means[(workload, regime)] = (eventsPerTick, spikesPerTick);

    /// <summary>The recorded means, if any.</summary>
    public static bool TryGet(PoolWorkload workload, InputRegime regime, out (double Events, double Spikes) means) =>
        Means.TryGetValue((workload, regime), out means);
}
