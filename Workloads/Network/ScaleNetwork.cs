using GrowNet.Ecs.Distributed.Network;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems.Network;
using GrowNet.Ecs.Systems.Pool;

namespace GrowNet.Ecs.Workloads.Network;

/// <summary>
/// network.md, "Scenarios that must run", Scale: <see cref="Pools"/> standard pools of
/// <c>cells</c> cells, in-degree 100 inside (Bernoulli with p = 100 / (cells − 1), the standard
/// generator) and 20 from each of two other pools (fixed in-degree projections from pools p + 1
/// and p + 5, modulo 16), every pool driven by a Poisson source on its whole <c>current</c> port
/// (2 % per tick, 12 000 per spike). Pools are <c>p0</c>..<c>p15</c>, projections
/// <c>p{s}->p{t}</c>, sources <c>drive{p}</c>. The network of <c>Perf/Network/NetworkBenchmarks</c>,
/// as a plan that one process or several ranks build alike.
/// </summary>
public static class ScaleNetwork
{
    /// <summary>Number of pools.</summary>
    public const int Pools = 16;

    /// <summary>Cells per pool of the specified network.</summary>
    public const int SpecifiedCells = 65536;

    /// <summary>Expected synapses per cell from its own pool.</summary>
    public const int InsideDegree = 100;

    /// <summary>Synapses per cell from each of the two projecting pools.</summary>
    public const int ProjectedDegree = 20;

    /// <summary>Offsets (mod <see cref="Pools"/>) of the two pools projecting onto pool p.</summary>
    public static readonly int[] ProjectingOffsets = [1, 5];

    /// <summary>Poisson drive: chance per cell and tick of a drive spike.</summary>
    public const double DriveRate = 0.02;

    /// <summary>Current written for a drive spike (i16 units; a resting cell crosses threshold with it).</summary>
    public const double DriveCurrent = 12000;

    /// <summary>The plan with <paramref name="cells"/> cells per pool (network.md: 65 536).</summary>
    public static NetworkPlan Plan(int cells)
    {
        PoolFactory.ValidateCellCount(cells);
        var plan = new NetworkPlan();
        double inside = cells > 1 ? Math.Min(1.0, InsideDegree / (double)(cells - 1)) : 0;
        for (int p = 0; p < Pools; p++)
        {
            plan.AddPopulation(PoolName(p), PoolDefinition.Standard(cells, inside));
            plan.AddSource($"drive{p}", SourceDefinition.Poisson($"{PoolName(p)}/current", DriveRate, scale: DriveCurrent));
        }

        for (int p = 0; p < Pools; p++)
        {
            foreach (int offset in ProjectingOffsets)
            {
                string from = PoolName((p + offset) % Pools);
                plan.Connect($"{from}->{PoolName(p)}", from, PoolName(p), ProjectionDefinition.FixedInDegree(ProjectedDegree));
            }
        }

        return plan;
    }

    /// <summary>Builds the network into <paramref name="world"/> (which should hold no populations with these names).</summary>
    public static void Build(World world, int cells = SpecifiedCells)
    {
        ArgumentNullException.ThrowIfNull(world);
        Plan(cells).Build(world);
    }

    /// <summary>The name of pool <paramref name="index"/>.</summary>
    public static string PoolName(int index) => $"p{index}";
}
