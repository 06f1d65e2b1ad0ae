using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Workloads.Graph;
using GrowNet.Ecs.Workloads.Network;
using GrowNet.Ecs.Workloads.Pool;
using GrowNet.Ecs.Workloads.Region;
using GrowNet.Ecs.Workloads.Serialization;
using GrowNet.Ecs.Workloads.Topology;

namespace GrowNet.Ecs.Cli.Bench.Running;

/// <summary>
/// The registry of standard workloads of <c>grownet bench</c>, in run order. A new workload is one
/// entry here: a name, what it does, its unit, operations per iteration (about 10–50 ms of work),
/// and a factory building it from the shared set-ups in <c>Workloads/</c>.
/// </summary>
public static class BenchWorkloads
{
    /// <summary>Every standard workload.</summary>
    public static IReadOnlyList<BenchWorkload> All { get; } =
    [
        new("pool-quiescent-4096", "Compat pool 4 096 cells / 524 282 synapses, no input: one world tick", "tick", 4096,
            threads => Pool(PoolWorkload.Compat4096, InputRegime.Quiescent, threads, warmTicks: 2000, ticks: 4096)),
        new("pool-driven-4096", "Compat pool 4 096 cells, ~5 % of cells driven per tick (saturated pattern): one world tick", "tick", 32,
            threads => Pool(PoolWorkload.Compat4096, InputRegime.Saturated, threads, warmTicks: 2000, ticks: 32)),
        new("pool-quiescent-65536", "Compat pool 65 536 cells / 1 288 686 synapses, no input: one world tick", "tick", 512,
            threads => Pool(PoolWorkload.Compat65536, InputRegime.Quiescent, threads, warmTicks: 500, ticks: 512)),
        new("pool-driven-65536", "Compat pool 65 536 cells, ~5 % of cells driven per tick: one world tick", "tick", 8,
            threads => Pool(PoolWorkload.Compat65536, InputRegime.Saturated, threads, warmTicks: 500, ticks: 8)),
        new("region-scalar-tick", "Region layer 512/64/16 bound to a port, random scalar input: one Region.Tick", "tick", 512,
            threads => Region(RegionScalarWorkload.Create(threads), 512)),
        new("region-image-frame", "Region 64x64 -> 3x3 SAME -> 592 neurons -> p 0.02 -> 64x64, noise frames: one Region.Tick2D", "frame", 1,
            threads => Region(RegionImageWorkload.Create(threads), 1)),
        new("region-hd-frame", "Region 1920x1080 input layer, all-ones frame: one Region.Tick2D", "frame", 16,
            threads => Region(RegionHdWorkload.Create(threads), 16)),
        new("topology-dense-4096", "Topology block N = 4 096 at density 0.02, dense W, full budget: one world tick", "tick", 1,
            threads => Topology(TopologyRepresentation.Dense, threads, ticks: 1)),
        new("topology-sparse-4096", "Topology block N = 4 096 at density 0.02, sparse W (CSR), full budget: one world tick", "tick", 8,
            threads => Topology(TopologyRepresentation.Sparse, threads, ticks: 8)),
        new("network-scale-4096", "network.md's scale network at 4 096 cells per pool (16 pools, in-degree 100 inside, 2 x 20 projected, Poisson drive): one world tick", "tick", NetworkScaleCycleTicks,
            threads => Network(threads, NetworkScaleCycleTicks)),
        new("graph-tick", "Graph block 2 048 Hidden (K = 8) + Summary hierarchy, 16 channels, cycles of 64 ticks, grown 16 cycles: one world tick", "tick", 256,
            threads => GraphTick(threads, ticks: 256)),
        new("world-save", "World file of a standard pool (32 768 cells, density 0.002, ~2 M synapses) saved to memory", "save", 4,
            _ => WorldCodec(save: true)),
        new("world-load", "The same world file loaded from memory into a new world (with the invariant checks)", "load", 1,
            _ => WorldCodec(save: false)),
    ];

    private static IBenchCase Pool(PoolWorkload workload, InputRegime regime, int threads, int warmTicks, int ticks)
    {
        var runner = PoolWorkloadRunner.Create(workload, regime, threads);
        runner.Run(warmTicks);
        runner.Checkpoint();
        return new DelegateBenchCase(runner, runner.Rewind, () => runner.Run(ticks));
    }

    private static IBenchCase Region(RegionWorkload workload, int ticks) => new DelegateBenchCase(workload, () => { }, () =>
    {
        for (int t = 0; t < ticks; t++)
            workload.Step();
    });

    private static IBenchCase Topology(TopologyRepresentation representation, int threads, int ticks)
    {
        var workload = TopologyWorkload.Create(4096, 0.02, representation, threads);
        var snapshot = workload.Save();
        return new DelegateBenchCase(workload, () => workload.Restore(snapshot), () =>
        {
            for (int t = 0; t < ticks; t++)
                workload.Step();
        });
    }

    /// <summary>
    /// Ticks of one network-scale-4096 op: the warmed network repeats an exact cycle of three ticks
    /// (1.44, 3.03 and 4.72 M synaptic events), so an op of whole cycles does the same work every
    /// time; an op of four ticks varied by ±13 % with the phase it started on.
    /// </summary>
    public const int NetworkScaleCycleTicks = 3;

    /// <summary>Untimed ticks before network-scale-4096's first op (the pools settle into their cycle).</summary>
    public const int NetworkScaleWarmTicks = 100;

    /// <summary>The scale network at 4 096 cells per pool, warmed and not rewound (its ops are whole cycles).</summary>
    public static World NetworkScaleWorld(int threads)
    {
        var world = Systems.Pipeline.CreateWorld(7);
        world.SetThreadCount(threads);
        ScaleNetwork.Build(world, 4096);
        for (int t = 0; t < NetworkScaleWarmTicks; t++)
            world.Step();
        return world;
    }

    private static IBenchCase Network(int threads, int ticks)
    {
        var world = NetworkScaleWorld(threads);
        return new DelegateBenchCase(world, () => { }, () =>
        {
            for (int t = 0; t < ticks; t++)
                world.Step();
        });
    }

    /// <summary>The graph benchmark block, not rewound: its structure is near its budget after 16 cycles.</summary>
    private static IBenchCase GraphTick(int threads, int ticks)
    {
        var workload = GraphTickWorkload.Create(threads);
        return new DelegateBenchCase(workload, () => { }, () =>
        {
            for (int t = 0; t < ticks; t++)
                workload.Step();
        });
    }

    private static IBenchCase WorldCodec(bool save)
    {
        var workload = WorldCodecWorkload.Create(32768, 0.002);
        return save
            ? new DelegateBenchCase(workload, () => { }, () =>
            {
                for (int i = 0; i < 4; i++)
                    workload.Save();
            })
            // A load allocates a whole world; collecting (untimed) first keeps one load's garbage out of the next one's time.
            : new DelegateBenchCase(workload, () => GC.Collect(), () => workload.Load());
    }
}
