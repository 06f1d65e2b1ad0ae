using GrowNet.Ecs.Components.Region;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Components.Region;

/// <summary>grownet.md "Weight": reinforcement, T0 imprint, T2 homeostasis and the golden traces.</summary>
public class WeightTests
{
    private static (List<(double Strength, double Threshold, bool Fired)> Trace, int FirstFire, int Fires, Weight Final) Run(double x, int calls)
    {
        var weight = new Weight();
        var trace = new List<(double, double, bool)>();
        int first = 0, fires = 0;
        for (int call = 1; call <= calls; call++)
        {
            weight.Reinforce(1, 0);
            bool fired = weight.UpdateThreshold(x);
            trace.Add((weight.Strength, weight.Threshold, fired));
            if (fired)
            {
                fires++;
                if (first == 0)
                    first = call;
            }
        }

        return (trace, first, fires, weight);
    }

    [Test]
    public void Golden_X1_FirstCallsFirstFireAndEndState()
    {
        // grownet.md "Weight", golden traces, x = 1.0.
        var (trace, first, fires, final) = Run(1.0, 3000);
        Assert.That(trace[0].Strength, Is.EqualTo(0.001).Within(1e-12));
        Assert.That(trace[0].Threshold, Is.EqualTo(1.019).Within(1e-12));
        Assert.That(trace[1].Strength, Is.EqualTo(0.002).Within(1e-12));
        Assert.That(trace[1].Threshold, Is.EqualTo(1.018).Within(1e-12));
        Assert.That(trace[2].Strength, Is.EqualTo(0.003).Within(1e-12));
        Assert.That(trace[2].Threshold, Is.EqualTo(1.017).Within(1e-12));
        Assert.That(trace.Take(3).Select(t => t.Fired), Is.All.False);
        Assert.That(first, Is.EqualTo(511));
        Assert.That(fires, Is.EqualTo(154));
        Assert.That(final.Strength, Is.EqualTo(1.0));
        Assert.That(final.Threshold, Is.EqualTo(1.001771).Within(1e-6));
        Assert.That(final.EmaRate, Is.EqualTo(0.049611).Within(1e-6));
    }

    [TestCase(0.5, 256, 179)]
    [TestCase(0.1, 52, 199)]
    public void Golden_FirstFireAndFireCount(double x, int firstFire, int fires)
    {
        // grownet.md "Weight", golden traces, x = 0.5 and x = 0.1.
        var (_, first, count, _) = Run(x, 3000);
        Assert.That(first, Is.EqualTo(firstFire));
        Assert.That(count, Is.EqualTo(fires));
    }

    [Test]
    public void Golden_X0_FiresFromFirstCall()
    {
        // grownet.md "Weight", golden traces, x = 0.0.
        var weight = new Weight();
        double[] thresholds = [-0.0008, -0.001402, -0.00180798];
        double[] emas = [0.01, 0.0199, 0.029701];
        for (int call = 0; call < 3; call++)
        {
            weight.Reinforce(1, 0);
            Assert.That(weight.UpdateThreshold(0.0), Is.True);
            Assert.That(weight.Threshold, Is.EqualTo(thresholds[call]).Within(1e-12));
            Assert.That(weight.EmaRate, Is.EqualTo(emas[call]).Within(1e-12));
        }

        var (_, first, fires, _) = Run(0.0, 3000);
        Assert.That(first, Is.EqualTo(1));
        Assert.That(fires, Is.EqualTo(206));
    }

    [Test]
    public void Frozen_NeitherReinforcesNorAdapts()
    {
        var weight = new Weight();
        weight.Reinforce(1, 0);
        weight.UpdateThreshold(0.0);
        var before = weight;
        weight.Freeze();
        weight.Reinforce(1, 0);
        bool fired = weight.UpdateThreshold(5.0);
        Assert.That(fired, Is.EqualTo(before.Strength > before.Threshold));
        Assert.That(weight.Strength, Is.EqualTo(before.Strength));
        Assert.That(weight.Threshold, Is.EqualTo(before.Threshold));
        Assert.That(weight.EmaRate, Is.EqualTo(before.EmaRate));
        Assert.That(weight.Hits, Is.EqualTo(before.Hits));
        weight.Unfreeze();
        weight.Reinforce(1, 0);
        Assert.That(weight.Hits, Is.EqualTo(before.Hits + 1));
    }

    [Test]
    public void Reinforce_InhibitionScalesTheStep_AndStrengthIsClamped()
    {
        var weight = new Weight();
        weight.Reinforce(1.0, 0.5);
        Assert.That(weight.Strength, Is.EqualTo(0.0005).Within(1e-15));
        var strong = new Weight { Strength = 0.9995 };
        strong.Reinforce(2.0, 0);
        Assert.That(strong.Strength, Is.EqualTo(1.0));
        var negative = new Weight { Strength = -0.9999 };
        negative.Reinforce(-1.0, 0);
        Assert.That(negative.Strength, Is.EqualTo(-1.0));
    }

    [Test]
    public void HitSaturation_StopsReinforcement()
    {
        var config = WeightConfig.Default with { HitSaturation = 3 };
        var weight = new Weight();
        for (int i = 0; i < 5; i++)
            weight.Reinforce(1, 0, config);
        Assert.That(weight.Hits, Is.EqualTo(3));
        Assert.That(weight.Strength, Is.EqualTo(0.003).Within(1e-15));
    }
}
