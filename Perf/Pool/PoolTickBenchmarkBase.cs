using BenchmarkDotNet.Attributes;

namespace GrowNet.Ecs.Perf.Pool;

/// <summary>
/// Shared body of the pool tick benchmarks: one benchmark invocation is one world tick
/// (<see cref="PoolWorkloadRunner.Step"/>). The global setup builds the pool once, runs the
/// workload's warm-up ticks, then a sampling pass over the same deterministic input sequence to
/// record the mean synaptic events per tick; the measured ticks continue that sequence.
/// </summary>
public abstract class PoolTickBenchmarkBase
{
    private PoolWorkloadRunner runner = null!;

    /// <summary>The workload being measured.</summary>
    protected abstract PoolWorkload CurrentWorkload { get; }

    /// <summary>The input regime being measured.</summary>
    protected abstract InputRegime CurrentRegime { get; }

    /// <summary>Worker threads of the world (≤ 0: the world's default, one per core).</summary>
    protected virtual int CurrentThreads => 0;

    /// <summary>Builds, warms and samples the pool.</summary>
    [GlobalSetup]
    public void GlobalSetup()
    {
        runner = PoolWorkloadRunner.Create(CurrentWorkload, CurrentRegime, CurrentThreads);
        runner.Run(runner.Spec.WarmTicks);
        var (events, spikes) = runner.Sample(runner.Spec.EventSampleTicks);
        MeanEventsRegistry.Set(CurrentWorkload, CurrentRegime, events, spikes);
        Console.WriteLine(
            $"// {CurrentWorkload}/{CurrentRegime}: {runner.Pool.SynapseCount} synapses, built in {runner.BuildSeconds:F1} s; " +
            $"after {runner.Spec.WarmTicks} warm ticks, {events:F0} events and {spikes:F1} spikes per tick over {runner.Spec.EventSampleTicks} ticks");
    }

    /// <summary>Releases the world.</summary>
    [GlobalCleanup]
    public void GlobalCleanup() => runner.Dispose();

    /// <summary>One world tick.</summary>
    [Benchmark(Description = "World.Step")]
    public void Tick() => runner.Step();
}
