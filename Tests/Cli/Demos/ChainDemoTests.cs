using GrowNet.Ecs.Cli;
using GrowNet.Ecs.Cli.Demos;
using GrowNet.Ecs.Serialization.Worlds;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Cli.Demos;

/// <summary>
/// network.md, "Cross-model chain": the scenario carries activity end to end — every stage
/// (region frame, pool currents and spikes, topology activation, graph channel and prediction)
/// sees non-zero values — and its world is the same on one and two threads.
/// </summary>
public class ChainDemoTests
{
    private static (double[] Max, long FirstNonZeroTick, byte[] World) Run(int threads)
    {
        var max = new double[ChainDemo.Stages.Count];
        var first = new long[ChainDemo.Stages.Count];
        byte[] world = [];
        int code = ChainDemo.Run((tick, values) =>
        {
            for (int i = 0; i < values.Length; i++)
            {
                if (values[i] > 0 && first[i] == 0)
                    first[i] = tick;
                max[i] = Math.Max(max[i], values[i]);
            }
        }, w => world = WorldCodec.ToBytes(w), threads, ticks: 300);
        Assert.That(code, Is.EqualTo(0));
        TestContext.Out.WriteLine(string.Join(", ", ChainDemo.Stages.Select((s, i) => $"{s}: max {max[i]:G4} from tick {first[i]}")));
        Assert.That(first, Is.Ordered, "activity arrives stage after stage");
        return (max, first[^1], world);
    }

    [Test]
    public void ActivityArrivesAtEveryStage_OnOneAndTwoThreadsAlike()
    {
        var one = Run(1);
        Assert.That(one.Max, Has.All.GreaterThan(0), string.Join(", ", ChainDemo.Stages));
        var two = Run(2);
        Assert.That(two.World, Is.EqualTo(one.World));
        Assert.That(two.Max, Is.EqualTo(one.Max));
    }

    [Test]
    public void DemoChain_PrintsEveryStage()
    {
        var run = CliRun.Of("demo", "chain");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
        Assert.That(run.Output, Does.Contain("=== Cross-model chain"));
        Assert.That(run.Output, Does.Contain($"[tick {ChainDemo.DefaultTicks}] retina/L1.frame="));
        Assert.That(run.Output, Does.Contain("predictor/prediction="));
    }
}
