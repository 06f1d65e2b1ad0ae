using System.Diagnostics;
using System.Globalization;
using GrowNet.Ecs.Workloads.Network;

namespace GrowNet.Ecs.Perf.Distributed;

/// <summary>
/// Quick Stopwatch check of issue 16's goal without BenchmarkDotNet:
/// <c>dotnet run -c Release --project Perf -- scale-ranks [--cells N] [--ticks N] [--rounds N] [--ranks N]</c>.
/// Builds the scale network once in one world (1 thread) and once on N in-process ranks
/// (1 thread each), warms both, then alternates timed blocks of <c>--ticks</c> ticks on each for
/// <c>--rounds</c> rounds, so machine noise hits both alike. Prints ticks/s of each, the speed-up,
/// and the exchange: bytes sent per tick, per spike, and the exchange system's time per spike.
/// </summary>
public static class ScaleRanksQuick
{
    /// <summary>Runs the quick mode; returns the exit code.</summary>
    public static int Run(string[] args)
    {
        int cells = 65536, ticks = 50, rounds = 5, rankCount = 2;
        for (int a = 0; a < args.Length; a++)
        {
            int Next() => a + 1 < args.Length ? int.Parse(args[++a], CultureInfo.InvariantCulture) : throw new ArgumentException($"{args[a]} needs a value.");
            switch (args[a])
            {
                case "--cells": cells = Next(); break;
                case "--ticks": ticks = Next(); break;
                case "--rounds": rounds = Next(); break;
                case "--ranks": rankCount = Next(); break;
                default: throw new ArgumentException($"Unknown option {args[a]}.");
            }
        }

        var clock = Stopwatch.StartNew();
        using var one = new RankStepper(() => ScaleNetwork.Plan(cells), 1, 1, seed: 1);
        Console.WriteLine($"one process built in {clock.Elapsed.TotalSeconds:F1} s");
        clock.Restart();
        using var many = new RankStepper(() => ScaleNetwork.Plan(cells), rankCount, 1, seed: 1);
        Console.WriteLine($"{rankCount} ranks built in {clock.Elapsed.TotalSeconds:F1} s");
        one.Step(20);
        many.Step(20);
        long bytes0 = many.BytesSent, spikes0 = many.SpikesSent;
        double exchange0 = many.ExchangeSeconds.Max();
        double oneSeconds = 0, manySeconds = 0;
        for (int round = 0; round < rounds; round++)
        {
            double a = Time(one, ticks), b = Time(many, ticks);
            oneSeconds += a;
            manySeconds += b;
            Console.WriteLine(FormattableString.Invariant($"round {round}: one process {ticks / a:F2} ticks/s, {rankCount} ranks {ticks / b:F2} ticks/s, speed-up {a / b:F2}x"));
        }

        long totalTicks = (long)ticks * rounds;
        long bytes = many.BytesSent - bytes0, spikes = many.SpikesSent - spikes0;
        double exchange = many.ExchangeSeconds.Max() - exchange0;
        Console.WriteLine(FormattableString.Invariant(
            $"total: one process {totalTicks / oneSeconds:F2} ticks/s, {rankCount} ranks {totalTicks / manySeconds:F2} ticks/s, speed-up {oneSeconds / manySeconds:F2}x"));
        Console.WriteLine(FormattableString.Invariant(
            $"exchange: {bytes / (double)totalTicks:F0} B sent per tick, {spikes / (double)totalTicks:F0} spikes per tick, {bytes / (double)Math.Max(1, spikes):F3} B per spike, exchange system {exchange / totalTicks * 1e6:F0} µs per tick (incl. waiting for the slower rank) = {exchange / Math.Max(1, spikes) * 1e9:F0} ns per spike"));
        return 0;
    }

    private static double Time(RankStepper stepper, int ticks)
    {
        long start = Stopwatch.GetTimestamp();
        stepper.Step(ticks);
        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }
}
