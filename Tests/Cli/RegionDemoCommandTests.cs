using GrowNet.Ecs.Cli;
using GrowNet.Ecs.Cli.Commands;
using GrowNet.Ecs.Cli.Demos;
using GrowNet.Ecs.Systems.Region;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Cli;

/// <summary><c>grownet region-demo</c>, <c>grownet growth-demo</c> and their places in <c>grownet demo</c>.</summary>
public sealed class RegionDemoCommandTests
{
    [Test]
    public void RegionDemo_PrintsTheTutorialRowsAndPruneSummary_AndWritesCsv()
    {
        using var dir = new TempDirectory();
        string csv = dir.File("metrics.csv");
        var run = CliRun.Of("region-demo", "--ticks", "400", "--seed", "5", "--metrics-csv", csv);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
        var expected = RegionDemo.Run(ticks: 400, seed: 5);
        foreach (var row in expected.Rows)
            Assert.That(run.Output, Does.Contain($"[step {row.Tick}] delivered={row.Delivered} slots={row.TotalSlots} syn={row.TotalSynapses}"));
        Assert.That(run.Output, Does.Contain($"Pruning summary: pruned_synapses={expected.Prune.PrunedSynapses} pruned_edges={expected.Prune.PrunedEdges}"));
        var lines = File.ReadAllLines(csv);
        Assert.That(lines[0], Is.EqualTo(RegionDemoCommand.CsvHeader));
        Assert.That(lines.Length, Is.EqualTo(401));
        Assert.That(lines[200].Split(',')[0], Is.EqualTo("200"));
        Assert.That(lines[200].Split(',')[2], Is.EqualTo(expected.Rows[0].TotalSlots.ToString()));
    }

    [Test]
    public void GrowthDemo_PrintsNeuronCountsPerTick_AndCanSaveTheWorld()
    {
        using var dir = new TempDirectory();
        string csv = dir.File("growth.csv");
        string save = dir.File("growth.gnw");
        var run = CliRun.Of("growth-demo", "--ticks", "4", "--metrics-csv", csv, "--save", save);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
        Assert.That(run.Output, Does.Contain("start neurons: 4"));
        Assert.That(run.Output, Does.Contain("tick 1 lit (0,1) neurons: 4"));
        Assert.That(run.Output, Does.Contain("tick 2 lit (0,2) neurons: 5 (+1)"));
        Assert.That(run.Output, Does.Contain("tick 4 lit (0,1) neurons: 7 (+1)"));
        Assert.That(File.ReadAllLines(csv), Has.Length.EqualTo(5));
        Assert.That(File.Exists(save), Is.True);
    }

    [Test]
    public void DemoRunsTheRegionDemos_AndNamesThem()
    {
        var growth = CliRun.Of("demo", "growth");
        Assert.That(growth.ExitCode, Is.EqualTo(ExitCodes.Success), growth.Error);
        Assert.That(growth.Output, Does.Contain("tick 3 lit (0,3) neurons: 6 (+1)"));
        var help = CliRun.Of("--help");
        Assert.That(help.Output, Does.Contain(RegionDemoCommand.CommandName));
        Assert.That(help.Output, Does.Contain(GrowthDemoCommand.CommandName));
        Assert.That(CliRun.Of("demo", "--help").Output, Does.Contain("region"));
    }

    [TestCase("region-demo")]
    [TestCase("growth-demo")]
    public void BadArguments_AreUsageErrors(string command)
    {
        var negative = CliRun.Of(command, "--ticks", "-1");
        Assert.That(negative.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(negative.Error, Does.Contain("--ticks"));
        var missingDir = CliRun.Of(command, "--ticks", "1", "--metrics-csv", "/no/such/dir/m.csv");
        Assert.That(missingDir.ExitCode, Is.EqualTo(ExitCodes.Failure));
        Assert.That(missingDir.Error, Does.Contain("--metrics-csv"));
    }
}
