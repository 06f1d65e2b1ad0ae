using BenchmarkDotNet.Attributes;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Workloads.Network;
using GrowNet.Ecs.Workloads.Pool;

namespace GrowNet.Ecs.Perf.Network;

/// <summary>
/// Issue 12's network goals in one run, every case on one thread (so events/s is per core):
/// <see cref="NetworkCase.Scale"/> (network.md's 16 × <see cref="Cells"/> network) against the
/// 4 096-cell compat pool's driven rate (<see cref="NetworkCase.CompatPoolDriven"/>; goal ≥ 50 %),
/// and the cost of a projection's synaptic event against a pool's own
/// (<see cref="NetworkCase.TransmissionPair"/>: two worlds that run bit for bit alike, see
/// <see cref="TransmissionPair"/>, stepped alternately; goal ≤ 1.2×). One benchmark op is one tick
/// (the pair: one tick of each world; the compat case: <see cref="CompatTicksPerOp"/> ticks).
/// The global setup warms up and samples some untimed ticks (printed, and the pair's check that its
/// worlds agree); every op then counts its own ticks' events, untimed by the scheduler, and the
/// cleanup divides the scheduler's per-system times over all benchmark ticks by those events. The
/// scale network settles into a cycle of three ticks (about 23, 49 and 75 M events), so a sample
/// of a few ticks is no measure of the timed ones.
/// The compat case rewinds to its checkpoint every iteration as Perf/Pool does; the network cases
/// run on (their Poisson drive keeps them stationary; the cleanup prints the events of a second
/// sample so a drift would show).
/// </summary>
[MemoryDiagnoser]
[InvocationCount(OpsPerIteration)]
public class NetworkBenchmarks
{
    /// <summary>Benchmark ops per iteration (the invocation count): a scale tick moves tens of millions of events.</summary>
    public const int OpsPerIteration = 8;

    /// <summary>Ticks per op of the compat case (32 × 8 = the 256 ticks per iteration of Perf/Pool); every other case runs one tick per op.</summary>
    public const int CompatTicksPerOp = 32;

    /// <summary>Compat ticks run from the checkpoint after each scale tick in <see cref="NetworkCase.ScaleWithCompat"/> (about a third of a scale tick's time).</summary>
    public const int CompatTicksAlongside = 256;

    /// <summary>Untimed ticks run before sampling (the scale network settles within tens of ticks and takes ~1 s each on a busy machine).</summary>
    private int WarmTicks => IsScale ? 40 : 200;

    /// <summary>Untimed ticks whose events are counted.</summary>
    private int SampleTicks => IsScale ? 8 : 64;

    private bool IsScale => Case is NetworkCase.Scale or NetworkCase.ScaleWithCompat;

    /// <summary>Synapses per cell inside pools (the scale network's in-degree), also the transmission pair's.</summary>
    public const int InDegree = 100;

    private World? world;
    private World? projectionWorld;
    private SynapticEventCounter? projectionCounter;
    private SynapticEventCounter? counter;
    private PoolWorkloadRunner? compat;
    private PoolWorkloadRunner? alongside;
    private double alongsideEvents;
    private long countedTicks, countedIntra, countedProjected;

    /// <summary>The case.</summary>
    [ParamsAllValues]
    public NetworkCase Case { get; set; }

    /// <summary>Cells per pool of the scale network and of the transmission pair (the compat case is always 4 096 cells).</summary>
    [Params(65536)]
    public int Cells { get; set; }

    /// <summary>Builds and warms the case and counts its events per tick.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var started = DateTime.UtcNow;
        if (Case == NetworkCase.CompatPoolDriven)
        {
            compat = CreateCompat(out double events, OpsPerIteration * CompatTicksPerOp);
            NetworkMeansRegistry.Set(Case, Cells, new NetworkMeans(events * CompatTicksPerOp, 0));
            Console.WriteLine($"// {Case}: {events:F0} events per tick");
            return;
        }

        if (IsScale)
        {
            world = CreateScale();
            if (Case == NetworkCase.ScaleWithCompat)
                alongside = CreateCompat(out alongsideEvents, CompatTicksAlongside);
        }
        else
        {
            world = TransmissionPair.Create(TransmissionShape.Intra, Cells, InDegree);
            projectionWorld = TransmissionPair.Create(TransmissionShape.Projection, Cells, InDegree);
        }

        for (int t = 0; t < WarmTicks; t++)
        {
            world.Step();
            projectionWorld?.Step();
        }

        counter = new SynapticEventCounter(world);
        var (intra, projected, spikes) = counter.Sample(SampleTicks);
        if (projectionWorld != null)
        {
            projectionCounter = new SynapticEventCounter(projectionWorld);
            var (_, pairProjected, pairSpikes) = projectionCounter.Sample(SampleTicks);
            if (pairProjected != intra || pairSpikes != spikes)
                throw new InvalidOperationException($"The transmission pair diverged: {intra} pool events and {spikes} spikes against {pairProjected} projected events and {pairSpikes} spikes per tick.");
            projected = pairProjected;
        }

        foreach (var timing in world.Scheduler.Timings.Concat(projectionWorld?.Scheduler.Timings ?? []).Concat(alongside?.World.Scheduler.Timings ?? []))
            timing.Reset();
        countedTicks = countedIntra = countedProjected = 0;
        Console.WriteLine($"// {Case}/{Cells}: built and warmed in {(DateTime.UtcNow - started).TotalSeconds:F1} s; " +
            $"{intra:F0} intra-pool + {projected:F0} projected events and {spikes:F0} spikes per tick over {SampleTicks} sampled ticks");
    }

    /// <summary>The compat case returns to its checkpoint (untimed), so every iteration times the same ticks.</summary>
    [IterationSetup]
    public void IterationSetup() => compat?.Rewind();

    /// <summary>One tick (the compat case: <see cref="CompatTicksPerOp"/> ticks).</summary>
    [Benchmark(Description = "World.Step")]
    public void Tick()
    {
        if (compat != null)
        {
            compat.Run(CompatTicksPerOp);
            return;
        }

        world!.Step();
        projectionWorld?.Step();
        CountTick();
        if (alongside != null)
        {
            alongside.Rewind();
            alongside.Run(CompatTicksAlongside);
        }
    }

    /// <summary>
    /// Adds the tick just run to the events of the timed ticks. It runs outside every system, so
    /// the scheduler's times (all the per-event figures) do not include it.
    /// </summary>
    private void CountTick()
    {
        countedTicks++;
        countedIntra += counter!.LastIntraPoolEvents();
        countedProjected += (projectionCounter ?? counter).LastProjectionEvents();
    }

    /// <summary>Records the per-event costs, prints where the time went and the goal ratio, releases the worlds.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        if (world != null && countedTicks > 0)
        {
            double scaleIntra = (double)countedIntra / countedTicks;
            var means = new NetworkMeans(scaleIntra + alongsideEvents * CompatTicksAlongside, (double)countedProjected / countedTicks);
            double poolNs = projectionWorld == null
                ? Mean(world, "PoolSpike") * 1000 / scaleIntra
                : (Mean(world, "PoolSpike") - Mean(projectionWorld, "PoolSpike")) * 1000 / means.IntraEvents;
            double projectionNs = Mean(projectionWorld ?? world, "ProjectionTransmit") * 1000 / means.ProjectionEvents;
            Console.WriteLine($"// {Case}/{Cells}: {scaleIntra:F0} intra-pool + {means.ProjectionEvents:F0} projected events per tick over the {countedTicks} ticks run");
            double ratio = double.NaN;
            if (alongside != null)
            {
                double scaleRate = (scaleIntra + means.ProjectionEvents) / TickSeconds(world);
                double compatRate = alongsideEvents / TickSeconds(alongside.World);
                ratio = scaleRate / compatRate;
                Console.WriteLine($"// {Case}/{Cells} alternating, scheduler times: scale {scaleRate / 1e6:F1} M events/s, compat {compatRate / 1e6:F1} M events/s, ratio {ratio:F2} (goal >= 0.50)");
            }

            NetworkMeansRegistry.Set(Case, Cells, means with { PoolEventNanoseconds = poolNs, ProjectionEventNanoseconds = projectionNs, AlternatingRatio = ratio });
            foreach (var (label, stepped, events) in new[] { ("", world, counter), (" (projection world)", projectionWorld, projectionCounter) })
            {
                if (stepped == null || events == null)
                    continue;
                var busiest = stepped.Scheduler.Timings.Where(t => t.Calls > 0).OrderByDescending(t => t.TotalTimestampTicks).Take(4);
                Console.WriteLine($"// {Case}/{Cells}{label} scheduler means per tick: " + string.Join(", ", busiest.Select(t => $"{t.Name} {t.Mean.TotalMicroseconds:F0} µs")));
                var (intra, projected, _) = events.Sample(SampleTicks);
                Console.WriteLine($"// {Case}/{Cells}{label} after the run: {intra:F0} intra-pool + {projected:F0} projected events per tick");
            }

            Console.WriteLine($"// {Case}/{Cells}: pool event {poolNs:F2} ns, projected event {projectionNs:F2} ns, ratio {projectionNs / poolNs:F2}" +
                (projectionWorld != null ? " (goal <= 1.20)" : " (pool time includes integration)"));
        }

        compat?.Dispose();
        alongside?.Dispose();
        alongside = null;
        world?.Dispose();
        projectionWorld?.Dispose();
        compat = null;
        world = projectionWorld = null;
        counter = projectionCounter = null;
    }

    /// <summary>Seconds per tick of <paramref name="stepped"/>: the sum of its systems' scheduler means.</summary>
    private static double TickSeconds(World stepped) => stepped.Scheduler.Timings.Sum(t => t.Mean.TotalSeconds);

    /// <summary>The warmed compat pool at its checkpoint, with the mean events per tick of the <paramref name="ticks"/> ticks after it.</summary>
    private static PoolWorkloadRunner CreateCompat(out double eventsPerTick, int ticks)
    {
        var runner = PoolWorkloadRunner.Create(PoolWorkload.Compat4096, InputRegime.Saturated, threads: 1);
        runner.Run(runner.Spec.WarmTicks);
        runner.Checkpoint();
        (eventsPerTick, _) = runner.Sample(ticks);
        runner.Rewind();
        foreach (var timing in runner.World.Scheduler.Timings)
            timing.Reset();
        return runner;
    }

    private static double Mean(World stepped, string system)
        => stepped.Scheduler.Timings.Where(t => t.Name == system).Select(t => t.Mean.TotalMicroseconds).DefaultIfEmpty(double.NaN).First();

    private World CreateScale()
    {
        var scale = Pipeline.CreateWorld(seed: 1);
        scale.SetThreadCount(1);
        ScaleNetwork.Build(scale, Cells);
        return scale;
    }
}
