using System.Diagnostics;
using System.Globalization;
using GrowNet.Ecs.Cli.Bench.Results;

namespace GrowNet.Ecs.Cli.Bench.Running;

/// <summary>
/// Measures workloads: build (untimed), warm up, collect garbage, then per sample one reference
/// iteration and one workload iteration, both timed and kept raw.
/// </summary>
public sealed class BenchRunner
{
    private readonly BenchSettings settings;
    private readonly ReferenceKernel reference = new();
    private readonly BenchClock clock;
    private readonly TextWriter? log;
    private long sink;

    /// <summary>Creates a runner; <paramref name="log"/> gets one progress line per workload (null: silent).</summary>
    public BenchRunner(BenchSettings settings, TextWriter? log)
    {
        ArgumentNullException.ThrowIfNull(settings);
        this.settings = settings;
        this.log = log;
        clock = BenchClock.For(settings.Threads);
    }

    /// <summary>Measures every workload in turn and returns the report.</summary>
    public BenchReport RunAll(IReadOnlyList<BenchWorkload> workloads)
    {
        ArgumentNullException.ThrowIfNull(workloads);
        var created = DateTimeOffset.UtcNow;
        var machine = MachineInfo.Capture();
        var results = workloads.Select(Run).ToArray();
        return new BenchReport
        {
            CreatedUtc = created,
            Commit = CommitInfo.Find(),
            Machine = machine,
            Runtime = RuntimeInfo.Capture(),
            Threads = settings.Threads,
            Quick = settings.Quick,
            ReferenceKernel = ReferenceKernel.Description,
            Clock = clock.Kind,
            Workloads = results,
        };
    }

    /// <summary>Measures one workload.</summary>
    public WorkloadResult Run(BenchWorkload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        long buildStart = Stopwatch.GetTimestamp();
        using var benchCase = workload.Create(settings.Threads);
        double setupSeconds = Stopwatch.GetElapsedTime(buildStart).TotalSeconds;

        int warmup = 0;
        long warmStart = Stopwatch.GetTimestamp();
        while (warmup < settings.MinWarmupIterations || Stopwatch.GetElapsedTime(warmStart).TotalSeconds < settings.WarmupSeconds)
        {
            sink += reference.Run();
            benchCase.Prepare();
            benchCase.Run();
            warmup++;
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var samples = new double[settings.Samples];
        var wall = new double[settings.Samples];
        var references = new double[settings.Samples];
        for (int s = 0; s < samples.Length; s++)
        {
            long start = clock.NowNs();
            sink += reference.Run();
            references[s] = clock.NowNs() - start;
            benchCase.Prepare();
            long wallStart = Stopwatch.GetTimestamp();
            start = clock.NowNs();
            benchCase.Run();
            samples[s] = (double)(clock.NowNs() - start) / workload.OperationsPerIteration;
            wall[s] = Stopwatch.GetElapsedTime(wallStart).TotalNanoseconds / workload.OperationsPerIteration;
        }

        log?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {workload.Name}: set-up {setupSeconds:F1} s, {warmup} warm-up + {samples.Length} timed iterations, median {Statistics.Quantiles.Median(samples) / 1000:F1} µs per {workload.Unit}"));
        return new WorkloadResult
        {
            Name = workload.Name,
            Unit = workload.Unit,
            OperationsPerIteration = workload.OperationsPerIteration,
            SetupSeconds = setupSeconds,
            WarmupIterations = warmup,
            SamplesNs = samples,
            WallNs = wall,
            ReferenceNs = references,
        };
    }

    /// <summary>Checksum of the reference kernel's work (kept so the JIT cannot drop it).</summary>
    public long Sink => sink;
}
