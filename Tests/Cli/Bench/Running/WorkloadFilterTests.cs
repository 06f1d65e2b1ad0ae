using GrowNet.Ecs.Cli.Bench;
using GrowNet.Ecs.Cli.Bench.Running;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Cli.Bench.Running;

[TestFixture]
public sealed class WorkloadFilterTests
{
    private static IReadOnlyList<BenchWorkload> All => BenchWorkloads.All;

    [Test]
    public void TheRegistryHasTheStandardWorkloadsWithUniqueNames()
    {
        string[] names = [.. All.Select(w => w.Name)];
        Assert.That(names, Is.Unique);
        Assert.That(names, Is.SupersetOf(new[]
        {
            "pool-quiescent-4096", "pool-driven-4096", "pool-quiescent-65536", "pool-driven-65536", "region-scalar-tick", "region-image-frame",
            "region-hd-frame", "topology-dense-4096", "topology-sparse-4096", "network-scale-4096", "graph-tick", "world-save", "world-load",
        }));
        Assert.That(All.Select(w => w.OperationsPerIteration), Is.All.GreaterThan(0));
    }

    [Test]
    public void NoFilterSelectsEverything() => Assert.That(WorkloadFilter.Select(All, null), Is.EqualTo(All));

    [Test]
    public void GlobsSelectWholeNamesCaseInsensitively()
    {
        Assert.That(WorkloadFilter.Select(All, "pool-*").Select(w => w.Name).ToArray(), Has.Length.EqualTo(4).And.All.StartsWith("pool-"));
        Assert.That(WorkloadFilter.Select(All, "WORLD-SAVE").Select(w => w.Name), Is.EqualTo(new[] { "world-save" }));
        Assert.That(WorkloadFilter.Select(All, "world-load, pool-driven-409?").Select(w => w.Name), Is.EqualTo(new[] { "pool-driven-4096", "world-load" }));
        Assert.That(WorkloadFilter.Matches("pool", "pool-driven-4096"), Is.False, "a pattern matches the whole name");
    }

    [TestCase("nothing-like-this")]
    [TestCase(" , ")]
    public void AFilterSelectingNothingIsBadInput(string filter)
    {
        var error = Assert.Throws<BenchInputException>(() => WorkloadFilter.Select(All, filter));
        Assert.That(error!.Message, Does.Contain("--filter"));
    }

    [TestCase("network-scale-4096")]
    [TestCase("graph-tick")]
    public void TheNetworkAndGraphWorkloadsBuildAndRunAnIteration(string name)
    {
        var workload = All.Single(w => w.Name == name);
        using var benchCase = workload.Create(1);
        benchCase.Prepare();
        benchCase.Run();
        benchCase.Run();
    }
}
