namespace GrowNet.Ecs.Cli.Bench.Running;

/// <summary>How long and how often each workload is measured.</summary>
/// <param name="Samples">Timed iterations per workload.</param>
/// <param name="WarmupSeconds">Minimum warm-up time per workload (past tiered compilation: tier-1 code is in place well before 1 s).</param>
/// <param name="MinWarmupIterations">Minimum warm-up iterations per workload.</param>
/// <param name="Threads">World worker threads of every workload.</param>
/// <param name="Quick">Whether these are the <c>--quick</c> settings (recorded in the report).</param>
public sealed record BenchSettings(int Samples, double WarmupSeconds, int MinWarmupIterations, int Threads, bool Quick)
{
    /// <summary>Samples per workload of a full run.</summary>
    public const int FullSamples = 45;

    /// <summary>Samples per workload of a <c>--quick</c> run.</summary>
    public const int QuickSamples = 15;

    /// <summary>The settings of a full or quick run with <paramref name="threads"/> threads and, when given, <paramref name="samples"/> samples per workload.</summary>
    public static BenchSettings For(bool quick, int threads, int? samples = null) => quick
        ? new BenchSettings(samples ?? QuickSamples, 0.6, 4, threads, Quick: true)
        : new BenchSettings(samples ?? FullSamples, 2.0, 10, threads, Quick: false);
}
