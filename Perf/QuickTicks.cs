using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using GrowNet.Ecs.Perf.Pool;

namespace GrowNet.Ecs.Perf;

/// <summary>
/// Quick before/after check without BenchmarkDotNet:
/// <c>dotnet run -c Release --project Perf -- ticks [--workload Compat4096,Compat65536|all]
/// [--regime Quiescent,Saturated] [--threads N] [--ticks N] [--repeat N] [--warm N] [--checksum]</c>.
/// For each workload and regime: build, run the warm-up ticks, take a checkpoint, count the
/// synaptic events of the next <c>--ticks</c> ticks (untimed), then <c>--repeat</c> times: rewind
/// to the checkpoint and time those same ticks with a Stopwatch. Prints ticks/s, µs/tick,
/// synaptic events/s (ticks/s × events/tick), bytes allocated per tick (this thread, and all
/// threads), the time per tick of each system, and with <c>--checksum</c> a hash of the pool
/// state at the end, to compare engine versions bit for bit (same arguments → same ticks → same
/// hash; the repeat count does not change it).
/// </summary>
public static class QuickTicks
{
    /// <summary>Runs the quick mode; returns the process exit code.</summary>
    public static int Run(string[] args)
    {
        var workloads = new List<PoolWorkload> { PoolWorkload.Compat4096, PoolWorkload.Compat65536 };
        var regimes = new List<InputRegime> { InputRegime.Quiescent, InputRegime.Saturated };
        int threads = 0, ticks = 0, repeat = 3, warm = -1;
        bool checksum = false;
        for (int a = 0; a < args.Length; a++)
        {
            string Next() => a + 1 < args.Length ? args[++a] : throw new ArgumentException($"{args[a]} needs a value.");
            switch (args[a])
            {
                case "--workload":
                    string w = Next();
                    workloads = w.Equals("all", StringComparison.OrdinalIgnoreCase)
                        ? [.. Enum.GetValues<PoolWorkload>()]
                        : [.. w.Split(',').Select(Enum.Parse<PoolWorkload>)];
                    break;
                case "--regime":
                    regimes = [.. Next().Split(',').Select(Enum.Parse<InputRegime>)];
                    break;
                case "--threads":
                    threads = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--ticks":
                    ticks = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--repeat":
                    repeat = Math.Max(1, int.Parse(Next(), CultureInfo.InvariantCulture));
                    break;
                case "--warm":
                    warm = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--checksum":
                    checksum = true;
                    break;
                default:
                    Console.Error.WriteLine($"Unknown option {args[a]}. Options: --workload Compat4096,Compat65536,Standard65536|all --regime Quiescent,Saturated --threads N --ticks N --repeat N --warm N --checksum");
                    return 2;
            }
        }

        CheckSaturatedPattern();
        Console.WriteLine($"# {Environment.ProcessorCount} cores, .NET {Environment.Version}, {RuntimeInformation.OSDescription}, " +
                          $"threads {(threads > 0 ? threads.ToString(CultureInfo.InvariantCulture) : "default")}");
        Console.WriteLine("| workload | regime | synapses | ticks | ticks/s | µs/tick | CPU µs/tick | spikes/tick | events/tick | events/s | B/tick (thread) | B/tick (all) | ref ticks/s | vs ref |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var workload in workloads)
        {
            foreach (var regime in regimes)
                RunOne(workload, regime, threads, ticks, repeat, warm, checksum);
        }

        return 0;
    }

    private static void RunOne(PoolWorkload workload, InputRegime regime, int threads, int ticks, int repeat, int warm, bool checksum)
    {
        using var runner = PoolWorkloadRunner.Create(workload, regime, threads);
        var spec = runner.Spec;
        warm = warm >= 0 ? warm : spec.WarmTicks;
        int timed = ticks > 0 ? ticks : spec.QuickTicks;
        runner.Run(warm);
        runner.Checkpoint();
        var (eventsPerTick, spikesPerTick) = runner.Sample(timed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"#   {workload}/{regime}: built in {runner.BuildSeconds:F1} s; timing ticks {warm}..{warm + timed - 1} (events counted over the same ticks, untimed)"));
        double reference = spec.ReferenceTicksPerSecond(regime);
        for (int r = 0; r < repeat; r++)
        {
            runner.Rewind();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var timings = runner.World.Scheduler.Timings;
            long[] systemTicks = [.. timings.Select(t => t.TotalTimestampTicks)];
            long threadBytes = GC.GetAllocatedBytesForCurrentThread();
            long allBytes = GC.GetTotalAllocatedBytes(precise: true);
            var cpuStart = Environment.CpuUsage.TotalTime;
            long start = Stopwatch.GetTimestamp();
            runner.Run(timed);
            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            var cpuEnd = Environment.CpuUsage.TotalTime;
            threadBytes = GC.GetAllocatedBytesForCurrentThread() - threadBytes;
            allBytes = GC.GetTotalAllocatedBytes(precise: true) - allBytes;
            // Process CPU time (all threads): with one thread it is robust to other load on the machine.
            double cpuMicros = (cpuEnd - cpuStart).TotalMicroseconds / timed;
            double ticksPerSecond = timed / seconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {workload} | {regime} | {runner.Pool.SynapseCount:N0} | {timed} | {ticksPerSecond:N0} | {1e6 / ticksPerSecond:N1} | {cpuMicros:N1} | " +
                $"{spikesPerTick:N1} | {eventsPerTick:N0} | {ticksPerSecond * eventsPerTick / 1e6:N1} M | " +
                $"{(double)threadBytes / timed:N1} | {(double)allBytes / timed:N1} | " +
                $"{(double.IsNaN(reference) ? "-" : reference.ToString("N0", CultureInfo.InvariantCulture))} | " +
                $"{(double.IsNaN(reference) ? "-" : (ticksPerSecond / reference).ToString("N2", CultureInfo.InvariantCulture) + "x")} |"));
            if (r == repeat - 1)
            {
                var split = timings.Select((t, k) => (t.Name, Micros: Stopwatch.GetElapsedTime(0, t.TotalTimestampTicks - systemTicks[k]).TotalMicroseconds / timed))
                    .Where(x => x.Micros >= 0.05)
                    .Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Name} {x.Micros:N1} µs"));
                Console.WriteLine($"#   {workload}/{regime} per tick by system (last run, systems under 0.05 µs left out): {string.Join(", ", split)}");
            }
        }

        if (checksum)
            Console.WriteLine($"#   {workload}/{regime}: state hash {StateHash(runner):x16} after {runner.TickIndex} ticks");
    }

    /// <summary>The vector fill must write exactly the reference formula's pattern.</summary>
    private static void CheckSaturatedPattern()
    {
        var fast = new short[65536 + 13];
        var slow = new short[fast.Length];
        foreach (uint t in (uint[])[0, 1, 2, 3, 1000, 123_456, uint.MaxValue])
        {
            SaturatedInput.Fill(fast, t);
            SaturatedInput.FillScalar(slow, t);
            if (!fast.AsSpan().SequenceEqual(slow))
                throw new InvalidOperationException($"SaturatedInput.Fill differs from the reference formula on tick {t}.");
        }
    }

    /// <summary>A deterministic hash of everything the tick reads or writes (eligibility materialized first).</summary>
    private static ulong StateHash(PoolWorkloadRunner runner)
    {
        runner.Pool.MaterializeEligibility();
        var view = runner.Pool.View();
        ulong h = 0x9E3779B97F4A7C15;
        h = Mix(h, MemoryMarshal.AsBytes(view.Membrane));
        h = Mix(h, MemoryMarshal.AsBytes(view.Threshold));
        h = Mix(h, view.Refract);
        h = Mix(h, MemoryMarshal.AsBytes(view.Trace));
        h = Mix(h, view.SpikeOut);
        h = Mix(h, MemoryMarshal.AsBytes(view.SpikeRate));
        h = Mix(h, MemoryMarshal.AsBytes(view.DelayRing));
        h = Mix(h, MemoryMarshal.AsBytes(view.Synapses));
        h = Mix(h, MemoryMarshal.AsBytes([runner.Pool.TickCount, (ulong)runner.Pool.State.WriteHead]));
        return h;
    }

    private static ulong Mix(ulong h, ReadOnlySpan<byte> bytes)
    {
        var words = MemoryMarshal.Cast<byte, ulong>(bytes);
        foreach (ulong word in words)
            h = (h ^ word) * 0xFF51AFD7ED558CCDUL + 0x2545F4914F6CDD1DUL;
        for (int i = words.Length * 8; i < bytes.Length; i++)
            h = (h ^ bytes[i]) * 0xC4CEB9FE1A85EC53UL;
        return (h ^ (h >> 29) ^ (ulong)bytes.Length) * 0xFF51AFD7ED558CCDUL;
    }
}
