using GrowNet.Ecs.Components.Graph;
using GrowNet.Ecs.Components.Network;
using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Distributed.Network;
using GrowNet.Ecs.Systems.Graph;
using GrowNet.Ecs.Systems.Network;
using GrowNet.Ecs.Systems.Pool;
using GrowNet.Ecs.Systems.Region;
using GrowNet.Ecs.Systems.Topology;

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

    /// <summary>
    /// Every family in one network (network.md's cross-model chain, extended): region <c>retina</c>
    /// (an image through a windowed tract, neuron growth on) drives pool <c>cortex</c>'s currents
    /// from its frame; cortex and pool <c>p0</c> project into each other; cortex's spike rate feeds
    /// topology block <c>body</c>, whose activation is the channel graph block <c>predictor</c>
    /// learns (short structural cycles, so commits, prunes and splits happen); the prediction drives
    /// p0; a modulator writes body's reward from the predictor's error and retina's frame, and one
    /// modulates the projection into p0 from body's activation and retina's fires. On several ranks,
    /// every link and term reads a port of another family on another rank.
    /// </summary>
    public static NetworkPlan Families()
    {
        var plan = new NetworkPlan()
            .AddPopulation("retina", new RegionDefinition
            {
                Layers = [LayerDefinition.Input2D(8, 8, 1.0, 0.01), LayerDefinition.Output2D(8, 8, 0.2)],
                Tracts = [TractDefinition.Windowed(0, 1, 3, 3, 1, 1, WindowPadding.Same)],
                Ports = [PortBindingDefinition.Input2D("img", 0)],
            })
            .AddPopulation("cortex", PoolDefinition.Standard(64, 0.1))
            .AddPopulation("body", TopologyDefinition.Random(16, 0.2))
            .AddPopulation("predictor", new GraphDefinition { Config = new GraphConfig { Channels = 1, Hidden = 8, CycleTicks = 32 } })
            .AddPopulation("p0", PoolDefinition.Standard(300, 0.05))
            .Connect("cortex->p0", "cortex", "p0", ProjectionDefinition.FixedInDegree(8))
            .Connect("p0->cortex", "p0", "cortex", ProjectionDefinition.Bernoulli(0.05) with { MaxDelay = 2 })
            .AddSource("light", SourceDefinition.Uniform("retina/img", 0, 1))
            .AddSource("drive", SourceDefinition.Poisson("p0/current", 0.03, scale: 12000));
        plan.Link(new LinkDefinition { From = "retina/L1.frame", To = "cortex/current[0..64]", Gain = 20000, ClampMax = 30000 })
            .Link(new LinkDefinition { From = "cortex/spikes", To = "body/sensory", Map = LinkMap.PoolBroadcast, Reduce = Reduction.Mean, Ema = 0.1, Gain = 2 })
            .Link(new LinkDefinition { From = "body/activation", To = "predictor/channel", Map = LinkMap.PoolBroadcast, Reduce = Reduction.Mean })
            .Link(new LinkDefinition { From = "predictor/prediction", To = "p0/current[0..30]", Map = LinkMap.PoolBroadcast, Reduce = Reduction.Mean,
                Gain = 8000, ClampMin = -4000, ClampMax = 8000, Write = WriteMode.Add })
            .Link(new LinkDefinition { From = "body/activation[4..12]", To = "p0/current[100..108]", Gain = 3000, Write = WriteMode.Add });
        plan.AddModulator(new ModulatorDefinition { Action = ModulatorAction.WritePort, Target = "body/reward",
                Terms = [new(0, -2.0, "predictor/error", Reduction.Mean, "retina/L1.frame[0..16]", Reduction.Mean)] })
            .AddModulator(new ModulatorDefinition { Target = "cortex->p0", Constant0 = 100, Constant1 = 20, Every = 3,
                Terms = [new(0, 50.0, "body/activation", Reduction.Mean, "retina/L1.fires", Reduction.Sum)] });
        return plan;
    }

    /// <summary>The scale network of network.md in small: 16 standard pools, in-degree 100 inside, 20 from each of two others.</summary>
    public static NetworkPlan Scale(int cells) => GrowNet.Ecs.Workloads.Network.ScaleNetwork.Plan(cells);
}
