using System.Diagnostics;
using GrowNet.Ecs.Cli;
using GrowNet.Ecs.Cli.Runner;

namespace GrowNet.Ecs.Perf.Runner;

/// <summary>
/// Interleaved A/B of the runner's per-tick overhead on the driven 4096-cell compat pool: every
/// tick is timed in three parts — <c>world.Step()</c>, the spike recorder's sample (every spike of
/// the pool) and the progress check — so machine noise hits all parts of the same ticks. Prints the
/// recording and progress cost as a share of the tick, per round and as the median of the rounds.
/// </summary>
public static class RunnerOverhead
{
    /// <summary>Runs the measurement; arguments: ticks per round (default 2000), rounds (default 5).</summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "alloc")
            return Allocations();
        int ticks = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 2000;
        int rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
        string dir = Path.Combine(Path.GetTempPath(), $"grownet-overhead-{Environment.ProcessId}");
        string text = $$"""
            { "version": 1, "run": { "ticks": {{ticks * (rounds + 1)}}, "seed": 42, "threads": 1 },
              "output": { "dir": "{{dir}}", "heartbeatSeconds": 1000000 },
              "populations": { "cortex": { "family": "pool", "cells": 4096, "generator": "compat", "density": 0.02 } },
              "inputs": { "drive": { "target": "cortex/current[0..200]", "value": 10000 } },
              "recordings": { "raster": { "what": "spikes", "population": "cortex" } } }
            """;
        using var runner = ScenarioRunner.Start(ScenarioReader.Parse(text), new RunOverrides());
        var progress = new RunProgress(new CliContext(TextWriter.Null, TextWriter.Null, interactive: false), runner.World, runner.EndTick, 1000000);
        var recorder = runner.Recorders[0];
        var recording = new List<double>();
        var heartbeat = new List<double>();
        Console.WriteLine("round\tstep µs/tick\trecord µs/tick\trecord %\tprogress ns/tick\tprogress %");
        for (int round = 0; round <= rounds; round++)
        {
            long step = 0, record = 0, check = 0;
            for (int i = 0; i < ticks; i++)
            {
                long t0 = Stopwatch.GetTimestamp();
                runner.World.Step();
                long t1 = Stopwatch.GetTimestamp();
                recorder.Sample((long)runner.World.Tick);
                long t2 = Stopwatch.GetTimestamp();
                progress.Update((long)runner.World.Tick);
                long t3 = Stopwatch.GetTimestamp();
                step += t1 - t0;
                record += t2 - t1;
                check += t3 - t2;
            }

            double us = 1e6 / Stopwatch.Frequency / ticks;
            if (round == 0)
                continue; // warm-up
            recording.Add(100.0 * record / step);
            heartbeat.Add(100.0 * check / step);
            Console.WriteLine($"{round}\t{step * us:F1}\t{record * us:F2}\t{recording[^1]:F2}\t{check * us * 1000:F0}\t{heartbeat[^1]:F4}");
        }

        recording.Sort();
        heartbeat.Sort();
        Console.WriteLine($"median: recording {recording[recording.Count / 2]:F2} % of step time, progress {heartbeat[heartbeat.Count / 2]:F4} %; spikes recorded {recorder.Position}");
        recorder.Flush();
        Directory.Delete(dir, recursive: true);
        return 0;
    }

    /// <summary>Bytes each kind of recorder allocates over 200 samples after 100 warm-up samples.</summary>
    private static int Allocations()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"grownet-alloc-{Environment.ProcessId}");
        string text = $$"""
            { "version": 1, "run": { "ticks": 1000, "seed": 1, "threads": 1 }, "output": { "dir": "{{dir}}" },
              "populations": { "p": { "family": "pool", "cells": 256, "generator": "standard", "density": 0.05 } },
              "inputs": { "drive": { "target": "p/current[0..32]", "value": 10000 } },
              "recordings": { "raster": { "what": "spikes", "population": "p" }, "metrics": { "what": "metrics", "population": "p" },
                              "trace": { "what": "port", "population": "p", "port": "trace" }, "timings": { "what": "timings" } } }
            """;
        using (var runner = ScenarioRunner.Start(ScenarioReader.Parse(text), new RunOverrides()))
        {
            var bytes = new long[runner.Recorders.Count];
            long stepBytes = 0;
            for (int i = 0; i < 300; i++)
            {
                long s0 = GC.GetAllocatedBytesForCurrentThread();
                runner.World.Step();
                if (i >= 100)
                    stepBytes += GC.GetAllocatedBytesForCurrentThread() - s0;
                for (int r = 0; r < bytes.Length; r++)
                {
                    long before = GC.GetAllocatedBytesForCurrentThread();
                    runner.Recorders[r].Sample((long)runner.World.Tick);
                    if (i >= 100)
                        bytes[r] += GC.GetAllocatedBytesForCurrentThread() - before;
                }
            }

            Console.WriteLine($"world.Step: {stepBytes} B over 200 ticks");
            for (int r = 0; r < bytes.Length; r++)
                Console.WriteLine($"{runner.Recorders[r].Name}: {bytes[r]} B over 200 samples");
        }

        Directory.Delete(dir, recursive: true);
        return 0;
    }
}
