using GrowNet.Ecs.Distributed.Network;
using GrowNet.Ecs.Systems.Network;
using GrowNet.Ecs.Systems.Pool;

namespace GrowNet.Ecs.Workloads.Network;

/// <summary>
/// network.md's scale network: 16 standard pools (in-degree 100 inside), each driven by a Poisson
/// source (2 % per tick, 12 000 per spike) and receiving fixed in-degree 20 from pools p+1 and
/// p+5 (mod 16) — the network of <c>Perf/Network/NetworkBenchmarks</c>, as a plan that one process
/// or several ranks build alike.
/// </summary>
public static class ScaleNetwork
{
    /// <summary>Number of pools.</summary>
    public const int Pools = 16;

    /// <summary>The plan with <paramref name="cells"/> cells per pool (network.md: 65 536).</summary>
    public static NetworkPlan Plan(int cells)
    {
        var plan = new NetworkPlan();
        double inside = 100.0 / (cells - 1);
        for (int p = 0; p < Pools; p++)
        {
            plan.AddPopulation($"p{p}", PoolDefinition.Standard(cells, inside));
            plan.AddSource($"drive{p}", SourceDefinition.Poisson($"p{p}/current", 0.02, scale: 12000));
        }

        for (int p = 0; p < Pools; p++)
        {
            plan.Connect($"p{(p + 1) % Pools}->p{p}", $"p{(p + 1) % Pools}", $"p{p}", ProjectionDefinition.FixedInDegree(20));
            plan.Connect($"p{(p + 5) % Pools}->p{p}", $"p{(p + 5) % Pools}", $"p{p}", ProjectionDefinition.FixedInDegree(20));
        }

        return plan;
    }
}
