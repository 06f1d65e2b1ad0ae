using GrowNet.Ecs.Cli.Bench.Results;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Cli.Bench.Results;

[TestFixture]
public sealed class WorkloadResultTests
{
    private static WorkloadResult Make(double[] samples, double[] references) => new()
    {
        Name = "w",
        Unit = "tick",
        OperationsPerIteration = 1,
        SamplesNs = samples,
        ReferenceNs = references,
    };

    [Test]
    public void TheLocalReferenceIsTheMedianOfTheNearbyReferenceTimes()
    {
        var result = Make([10, 10, 10, 10, 10, 10], [1, 2, 100, 4, 5, 6]);
        // Windows of up to five references around each sample: {1,2,100}, {1,2,100,4}, {1,2,100,4,5}, {2,100,4,5,6}, {100,4,5,6}, {4,5,6}.
        Assert.That(result.LocalReferenceNs(), Is.EqualTo(new[] { 2.0, 3.0, 4.0, 5.0, 5.5, 5.0 }).Within(1e-12));
    }

    [Test]
    public void AppendPoolsBatchesInOrder()
    {
        var first = Make([1, 2], [10, 10]) with { WallNs = [1, 2] };
        var second = Make([3, 4], [20, 20]) with { WallNs = [3, 4] };
        var pooled = first.Append(second);
        Assert.That(pooled.Batches, Is.EqualTo(2));
        Assert.That(pooled.SamplesNs, Is.EqualTo(new double[] { 1, 2, 3, 4 }));
        Assert.That(pooled.ReferenceNs, Is.EqualTo(new double[] { 10, 10, 20, 20 }));
        Assert.That(pooled.WallNs, Is.EqualTo(new double[] { 1, 2, 3, 4 }));
        Assert.That(() => first.Append(second with { Name = "other" }), Throws.ArgumentException);
    }
}
