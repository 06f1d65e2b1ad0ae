using BenchmarkDotNet.Attributes;

namespace GrowNet.Ecs.Perf.Pool;

/// <summary>
/// Shared body of the pool tick benchmarks: one benchmark invocation is one world tick
/// (<see cref="PoolWorkloadRunner.Step"/>). The global setup builds the pool once, runs the
/// workload's warm-up ticks and takes a checkpoint; every iteration then rewinds to that
/// checkpoint (untimed) and times the same <see cref="TicksPerIteration"/> ticks of the
/// deterministic run. The mean synaptic events per tick are counted, untimed, over exactly those
/// ticks. Rewinding keeps the regime fixed: without it BenchmarkDotNet would run hundreds of
/// thousands of ticks, and homeostasis alone moves a pool a long way in that time (an idle pool
/// lowers every threshold by 1 per 100 ticks and starts firing after about 384 000 ticks).
/// </summary>
[InvocationCount(TicksPerIteration)]
public abstract class PoolTickBenchmarkBase
{
    /// <summary>Ticks timed per iteration (the invocation count).</summary>
    public const int TicksPerIteration = 256;

    private PoolWorkloadRunner runner = null!;

    /// <summary>The workload being measured.</summary>
    protected abstract PoolWorkload CurrentWorkload { get; }

    /// <summary>The input regime being measured.</summary>
    protected abstract InputRegime CurrentRegime { get; }

    /// <summary>Worker threads of the world (≤ 0: the world's default, one per core).</summary>
    protected virtual int CurrentThreads => 0;

    /// <summary>Builds and warms the pool, takes the checkpoint and counts the events of the timed ticks.</summary>
    [GlobalSetup]
    public void GlobalSetup()
    {
        runner = PoolWorkloadRunner.Create(CurrentWorkload, CurrentRegime, CurrentThreads);
        runner.Run(runner.Spec.WarmTicks);
        runner.Checkpoint();
        var (events, spikes) = runner.Sample(TicksPerIteration);
        runner.Rewind();
        MeanEventsRegistry.Set(CurrentWorkload, CurrentRegime, events, spikes);
        Console.WriteLine(
            $"// {CurrentWorkload}/{CurrentRegime}: {runner.Pool.SynapseCount} synapses, built in {runner.BuildSeconds:F1} s; " +
            $"ticks {runner.Spec.WarmTicks}..{runner.Spec.WarmTicks + TicksPerIteration - 1} timed: {events:F0} events and {spikes:F1} spikes per tick");
    }

    /// <summary>Rewinds to the checkpoint so every iteration times the same ticks.</summary>
    [IterationSetup]
    public void IterationSetup() => runner.Rewind();

    /// <summary>Releases the world.</summary>
    [GlobalCleanup]
    public void GlobalCleanup() => runner.Dispose();

    /// <summary>One world tick.</summary>
    [Benchmark(Description = "World.Step")]
    public void Tick() => runner.Step();
}
