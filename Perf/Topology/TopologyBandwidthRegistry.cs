using System.Collections.Concurrent;

namespace GrowNet.Ecs.Perf.Topology;

/// <summary>
/// Bytes moved per benchmark invocation, recorded by each benchmark's global setup and keyed by
/// benchmark type and parameter values, so <see cref="TopologyBandwidthColumn"/> can turn
/// BenchmarkDotNet's mean time into GB/s. Filled in-process (the configured toolchain runs
/// benchmarks in the host process); out of process the column reads "n/a".
/// </summary>
public static class TopologyBandwidthRegistry
{
    private static readonly ConcurrentDictionary<string, double> Bytes = new();

    /// <summary>Records the bytes one invocation of a case moves.</summary>
    public static void Set(string key, double bytes) => Bytes[key] = bytes;

    /// <summary>The recorded bytes, if any.</summary>
    public static bool TryGet(string key, out double bytes) => Bytes.TryGetValue(key, out bytes);

    /// <summary>
    /// The key of a case: its type name and its parameters as name=value, sorted by name. Pass the
    /// benchmark class with typeof: in process, BenchmarkDotNet runs an emitted subclass.
    /// </summary>
    public static string Key(Type benchmark, params (string Name, object Value)[] parameters)
        => benchmark.Name + "/" + string.Join("/", parameters.OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => p.Name + "=" + Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture)));
}
