using GrowNet.Ecs.Cli.Demos;
using GrowNet.Ecs.Systems;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Cli;

/// <summary>network.md, "Two-pool discrimination": the rewarded projections learn the routing (goal ≥ 90 % per stimulus).</summary>
public class DiscriminationDemoTests
{
    private static DiscriminationResult Run(int training)
    {
        using var world = Pipeline.CreateWorld(seed: 3);
        return DiscriminationDemo.Run(world, training, 100);
    }

    [Test]
    public void Training_RoutesEachStimulusToItsOutputPool()
    {
        var untrained = Run(0);
        var trained = Run(150);
        TestContext.Out.WriteLine($"untrained A {untrained.AccuracyA:F2} B {untrained.AccuracyB:F2}; trained A {trained.AccuracyA:F2} B {trained.AccuracyB:F2}");
        Assert.That(untrained.Accuracy, Is.LessThan(0.9), "before training the routing is not there yet");
        Assert.That(trained.AccuracyA, Is.GreaterThanOrEqualTo(0.9));
        Assert.That(trained.AccuracyB, Is.GreaterThanOrEqualTo(0.9));
    }
}
