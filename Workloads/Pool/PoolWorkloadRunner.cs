using System.Diagnostics;
using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Pool;

namespace GrowNet.Ecs.Workloads.Pool;

/// <summary>
/// One world holding one pool of a <see cref="PoolWorkload"/>, driven tick by tick in an
/// <see cref="InputRegime"/>. <see cref="Step"/> is the measured unit: (saturated only) fill the
/// input buffer with the tick's pattern and hand it to the pool, then one <see cref="World.Step"/>.
/// It allocates nothing.
/// </summary>
public sealed class PoolWorkloadRunner : IDisposable
{
    /// <summary>World seed of every benchmark world (the standard generator draws from it).</summary>
    public const ulong Seed = 42;

    private readonly short[] input;
    private uint tick;
    private PoolSnapshot? checkpoint;
    private uint checkpointTick;

    private PoolWorkloadRunner(WorkloadSpec spec, InputRegime regime, World world, NeuronPool pool)
    {
        Spec = spec;
        Regime = regime;
        World = world;
        Pool = pool;
        input = new short[spec.Cells];
    }

    /// <summary>The workload.</summary>
    public WorkloadSpec Spec { get; }

    /// <summary>The input regime.</summary>
    public InputRegime Regime { get; }

    /// <summary>The world (full pipeline).</summary>
    public World World { get; }

    /// <summary>The pool.</summary>
    public NeuronPool Pool { get; }

    /// <summary>Seconds spent building the pool.</summary>
    public double BuildSeconds { get; private init; }

    /// <summary>Ticks run so far (the <c>t</c> of the saturated pattern for the next tick).</summary>
    public uint TickIndex => tick;

    /// <summary>Builds the world and pool. <paramref name="threads"/> ≤ 0 keeps the world's default thread count.</summary>
    public static PoolWorkloadRunner Create(PoolWorkload workload, InputRegime regime, int threads = 0)
    {
        var spec = WorkloadSpec.Of(workload);
        var world = Pipeline.CreateWorld(Seed);
        if (threads > 0)
            world.SetThreadCount(threads);
        var watch = Stopwatch.StartNew();
        var pool = spec.Compat
            ? NeuronPool.Create(world, workload.ToString(), PoolDefinition.Compat(spec.Cells, (float)spec.Density, PoolConfig.Default))
            : NeuronPool.Create(world, workload.ToString(), PoolDefinition.Standard(spec.Cells, spec.Density, PoolConfig.Default));
        watch.Stop();
        if (spec.ExpectedSynapses >= 0 && pool.SynapseCount != spec.ExpectedSynapses)
            throw new InvalidOperationException($"{workload}: expected {spec.ExpectedSynapses} synapses, built {pool.SynapseCount}.");
        pool.ClearInput();
        return new PoolWorkloadRunner(spec, regime, world, pool) { BuildSeconds = watch.Elapsed.TotalSeconds };
    }

    /// <summary>Runs one tick of the regime.</summary>
    public void Step()
    {
        if (Regime == InputRegime.Saturated)
        {
            SaturatedInput.Fill(input, tick);
            Pool.SetInput(input);
        }

        World.Step();
        tick++;
    }

    /// <summary>Runs <paramref name="ticks"/> ticks.</summary>
    public void Run(int ticks)
    {
        for (int i = 0; i < ticks; i++)
            Step();
    }

    /// <summary>Remembers the current state (allocates a full copy of the pool once per call).</summary>
    public void Checkpoint()
    {
        checkpoint = new PoolSnapshot(Pool);
        checkpointTick = tick;
    }

    /// <summary>Returns to the last <see cref="Checkpoint"/>: the following ticks repeat bit for bit. Allocation-free.</summary>
    public void Rewind()
    {
        if (checkpoint == null)
            throw new InvalidOperationException("No checkpoint taken.");
        checkpoint.Restore(Pool);
        tick = checkpointTick;
    }

    /// <summary>Synaptic events of the last tick: Σ over its spiking cells of their row length.</summary>
    public long LastTickEvents()
    {
        var view = Pool.View();
        var spikes = view.SpikeList[..Pool.LastSpikeCount];
        long events = 0;
        foreach (int cell in spikes)
            events += view.RowEnd(cell) - (int)view.RowStart[cell];
        return events;
    }

    /// <summary>Runs <paramref name="ticks"/> ticks and returns their mean synaptic events and spikes per tick.</summary>
    public (double EventsPerTick, double SpikesPerTick) Sample(int ticks)
    {
        long events = 0, spikes = 0;
        for (int i = 0; i < ticks; i++)
        {
            Step();
            events += LastTickEvents();
            spikes += Pool.LastSpikeCount;
        }

        return ticks == 0 ? (0, 0) : ((double)events / ticks, (double)spikes / ticks);
    }

    /// <inheritdoc />
    public void Dispose() => World.Dispose();
}
