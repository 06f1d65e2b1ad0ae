using GrowNet.Ecs.Components.Network;
using GrowNet.Ecs.Distributed.Network;
using GrowNet.Ecs.Systems.Network;
using GrowNet.Ecs.Systems.Pool;

namespace GrowNet.Ecs.Tests.Distributed;

/// <summary>Networks the distributed tests run on one process and on several ranks.</summary>
internal static class DistributedTestNetworks
{
    /// <summary>
    /// Four standard pools driven by Poisson sources, projections between them (fixed in-degree),
    /// a link reading another pool's spike count, a trace read and a modulator whose terms read a
    /// source value and pool spikes, modulating and growing a projection: everything that crosses ranks.
    /// </summary>
    public static NetworkPlan Mixed(int cells = 600)
    {
        var plan = new NetworkPlan();
        for (int p = 0; p < 4; p++)
            plan.AddPopulation($"p{p}", PoolDefinition.Standard(cells, 40.0 / cells));
        for (int p = 0; p < 4; p++)
            plan.AddSource($"drive{p}", SourceDefinition.Poisson($"p{p}/current", 0.03, scale: 12000));
        for (int p = 0; p < 4; p++)
        {
            plan.Connect($"p{(p + 1) % 4}->p{p}", $"p{(p + 1) % 4}", $"p{p}", ProjectionDefinition.FixedInDegree(10));
            plan.Connect($"p{(p + 2) % 4}->p{p}", $"p{(p + 2) % 4}", $"p{p}", ProjectionDefinition.Bernoulli(0.01) with { MaxDelay = 3 });
        }

        plan.Link(new LinkDefinition { From = "p1/spikeCount", To = "p0/current[0..20]", Map = LinkMap.PoolBroadcast, Reduce = Reduction.Sum,
            Gain = 30, ClampMax = 4000, Write = WriteMode.Add });
        plan.Link(new LinkDefinition { From = "p2/trace[0..16]", To = "p3/current[0..16]", Gain = 50, Write = WriteMode.Add });
        plan.AddModulator(new ModulatorDefinition { Target = "p1->p0", Constant0 = 100, Constant1 = 20, Every = 5,
            Terms = [new(0, 2.0, "drive1/value[0..50]", Reduction.Mean, "p3/spikes", Reduction.Mean)] });
        plan.AddModulator(new ModulatorDefinition { Action = ModulatorAction.Synaptogenesis, Target = "p3->p2", Constant0 = 200, Every = 7,
            Terms = [new(0, 1.0, "p1/spikes", Reduction.Count)] });
        return plan;
    }

    /// <summary>The scale network of network.md in small: 16 standard pools, in-degree 100 inside, 20 from each of two others.</summary>
    public static NetworkPlan Scale(int cells) => GrowNet.Ecs.Workloads.Network.ScaleNetwork.Plan(cells);
}
