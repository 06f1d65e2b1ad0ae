using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using GrowNet.Ecs.Perf.Pool;
using GrowNet.Ecs.Perf.Topology;

namespace GrowNet.Ecs.Perf;

/// <summary>
/// Entry point. <c>ticks [options]</c> runs the quick Stopwatch mode (<see cref="QuickTicks"/>),
/// <c>topology-ticks [options]</c> its topology counterpart (<see cref="TopologyQuickTicks"/>);
/// anything else goes to BenchmarkDotNet's switcher (e.g. <c>--filter *PoolTick* --job short</c>).
/// </summary>
public static class Program
{
    /// <summary>Runs the quick mode or BenchmarkDotNet.</summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "ticks")
            return QuickTicks.Run(args[1..]);
        if (args.Length > 0 && args[0] == "topology-ticks")
            return TopologyQuickTicks.Run(args[1..]);
        if (args.Length > 0 && args[0] == "scale-ranks")
            return Distributed.ScaleRanksQuick.Run(args[1..]);

        // In-process toolchain: no child project is generated and built, which is the reliable
        // choice on the small shared machines here, and lets the pool benchmarks hand their
        // per-tick event counts to the summary columns. BenchmarkDotNet ignores --job when the
        // config brings its own default job, so --job is read here and becomes that default job;
        // the other job options (--iterationCount, --warmupCount, ...) still apply on top.
        args = TakeJob(args, out var baseJob);
        var job = baseJob.WithToolchain(InProcessEmitToolchain.Instance).AsDefault();
        var config = DefaultConfig.Instance
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(PoolThroughputColumn.All);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        return 0;
    }

    /// <summary>Removes <c>--job NAME</c> / <c>-j NAME</c> from <paramref name="args"/> and returns the named job (default: Job.Default).</summary>
    private static string[] TakeJob(string[] args, out Job job)
    {
        job = Job.Default;
        var rest = new List<string>(args.Length);
        for (int i = 0; i < args.Length; i++)
        {
            if ((args[i] == "--job" || args[i] == "-j") && i + 1 < args.Length)
            {
                string name = args[++i];
                job = name.ToLowerInvariant() switch
                {
                    "dry" => Job.Dry,
                    "short" => Job.ShortRun,
                    "medium" => Job.MediumRun,
                    "long" => Job.LongRun,
                    "verylong" => Job.VeryLongRun,
                    "default" => Job.Default,
                    _ => throw new ArgumentException($"Unknown job '{name}' (dry, short, medium, long, verylong, default)."),
                };
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        return [.. rest];
    }
}
