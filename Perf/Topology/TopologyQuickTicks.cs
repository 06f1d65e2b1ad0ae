using System.Diagnostics;
using System.Globalization;
using GrowNet.Ecs.Components.Topology;

namespace GrowNet.Ecs.Perf.Topology;

/// <summary>
/// Quick before/after check of the topology tick without BenchmarkDotNet:
/// <c>dotnet run -c Release --project Perf -- topology-ticks [--n 4096] [--density 0.02] [--threads 1]
/// [--repeat 30] [--representation Sparse,Dense]</c>. Builds <see cref="TopologyWorkload"/>, takes
/// its snapshot, runs the measured ticks once untimed (scratch reaches its size, the JIT its last
/// tier), then <c>--repeat</c> times rewinds and times the same
/// <see cref="TopologyTickBenchmarks.TicksPerIteration"/> ticks. Prints the best wall time and the
/// best process CPU time per tick (CPU time, unlike wall time, does not count the moments another
/// process holds the core, so it is the steadier figure on a shared machine), and each system's
/// wall time per tick in the run with the best CPU time.
/// </summary>
public static class TopologyQuickTicks
{
    /// <summary>Runs the quick mode; returns the process exit code.</summary>
    public static int Run(string[] args)
    {
        int n = 4096, threads = 1, repeat = 30;
        double density = 0.02;
        var representations = new[] { TopologyRepresentation.Sparse, TopologyRepresentation.Dense };
        for (int a = 0; a < args.Length; a++)
        {
            string Next() => a + 1 < args.Length ? args[++a] : throw new ArgumentException($"{args[a]} needs a value.");
            switch (args[a])
            {
                case "--n":
                    n = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--density":
                    density = double.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--threads":
                    threads = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--repeat":
                    repeat = Math.Max(1, int.Parse(Next(), CultureInfo.InvariantCulture));
                    break;
                case "--representation":
                    representations = [.. Next().Split(',').Select(Enum.Parse<TopologyRepresentation>)];
                    break;
                default:
                    Console.Error.WriteLine($"Unknown option {args[a]}. Options: --n N --density D --threads T --repeat R --representation Sparse,Dense");
                    return 2;
            }
        }

        foreach (var representation in representations)
            RunOne(n, density, representation, threads, repeat);
        return 0;
    }

    private static void RunOne(int n, double density, TopologyRepresentation representation, int threads, int repeat)
    {
        const int ticks = TopologyTickBenchmarks.TicksPerIteration;
        using var workload = TopologyWorkload.Create(n, density, representation, threads);
        var snapshot = workload.Save();
        workload.Restore(snapshot);
        for (int t = 0; t < ticks; t++)
            workload.Step();
        var timings = workload.World.Scheduler.Timings;
        double bestWall = double.MaxValue, bestCpu = double.MaxValue;
        var split = new double[timings.Count];
        using var process = Process.GetCurrentProcess();
        for (int r = 0; r < repeat; r++)
        {
            workload.Restore(snapshot);
            long[] before = [.. timings.Select(t => t.TotalTimestampTicks)];
            process.Refresh();
            var cpuStart = process.TotalProcessorTime;
            long start = Stopwatch.GetTimestamp();
            for (int t = 0; t < ticks; t++)
                workload.Step();
            double wall = Stopwatch.GetElapsedTime(start).TotalMilliseconds / ticks;
            process.Refresh();
            double cpu = (process.TotalProcessorTime - cpuStart).TotalMilliseconds / ticks;
            bestWall = Math.Min(bestWall, wall);
            if (cpu < bestCpu)
            {
                bestCpu = cpu;
                for (int k = 0; k < split.Length; k++)
                    split[k] = Stopwatch.GetElapsedTime(0, timings[k].TotalTimestampTicks - before[k]).TotalMilliseconds / ticks;
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"N={n} density={density} {representation} threads={threads}: best wall {bestWall:F3} ms, best CPU {bestCpu:F3} ms per tick " +
            $"({workload.Block.EdgeCount} edges, {workload.Block.State.LastReplaced} replaced in the last tick)"));
        Console.WriteLine("  by system (ms/tick, wall): " + string.Join(", ", timings.Select((t, k) => (t.Name, split[k]))
            .Where(x => x.Item2 >= 0.01).Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Name} {x.Item2:F3}"))));
    }
}
