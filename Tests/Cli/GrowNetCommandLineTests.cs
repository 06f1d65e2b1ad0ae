using GrowNet.Ecs.Cli.Demos;
using GrowNet.Ecs.Cli;
using GrowNet.Ecs.Systems.Pool;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Cli;

[TestFixture]
public sealed class GrowNetCommandLineTests
{
    [Test]
    public void DemoRunsThePoolLearningDemo()
    {
        var run = CliRun.Of("demo");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
        Assert.That(run.Error, Is.Empty);
        Assert.That(run.Output, Does.Contain("517 synapses"));
        Assert.That(run.Output, Does.Contain("Baseline: 104"));
        Assert.That(run.Output, Does.Contain("Quarter averages:"));
    }

    [Test]
    public void NamedPoolDemoPrintsTheSameSummary()
    {
        var byDefault = CliRun.Of("demo");
        var named = CliRun.Of("demo", "pool");
        Assert.That(named.ExitCode, Is.EqualTo(ExitCodes.Success));
        // Everything but the timing line is deterministic; 'demo' runs the pool demo first, then the others.
        var namedLines = WithoutPerformance(named.Output);
        Assert.That(namedLines, Is.EqualTo(WithoutPerformance(byDefault.Output).Take(namedLines.Length)));
        var expected = PoolLearningDemo.Run().SummaryLines().Where(line => !line.StartsWith("Performance", StringComparison.Ordinal));
        Assert.That(WithoutPerformance(named.Output), Is.EqualTo(expected.Prepend("=== Pool learning demo ===")));
    }

    [Test]
    public void RootHelpListsTheCommands()
    {
        var run = CliRun.Of("--help");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success));
        Assert.That(run.Output, Does.Contain("demo"));
        Assert.That(run.Output, Does.Contain("pool"));
    }

    [TestCase("demo", "--help")]
    [TestCase("pool", "--help")]
    [TestCase("pool", "run", "-h")]
    public void CommandHelpWorks(params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success));
        Assert.That(run.Output, Does.Contain("Usage:"));
        Assert.That(run.Error, Is.Empty);
    }

    [Test]
    public void NoCommandIsAUsageError()
    {
        var run = CliRun.Of();
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error, Does.Contain("grownet --help"));
    }

    [Test]
    public void UnknownCommandIsAUsageError()
    {
        var run = CliRun.Of("frobnicate");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error, Does.Contain("frobnicate"));
    }

    private static string[] WithoutPerformance(string output)
        => output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.TrimEnd('\r'))
            .Where(line => !line.StartsWith("Performance", StringComparison.Ordinal))
            .ToArray();
}
