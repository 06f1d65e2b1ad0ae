using System.Globalization;
using GrowNet.Ecs.Cli;
using GrowNet.Ecs.Systems;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Cli;

[TestFixture]
public sealed class TimingsCsvTests
{
    private TempDirectory _temp = null!;

    [SetUp]
    public void SetUp() => _temp = new TempDirectory();

    [TearDown]
    public void TearDown() => _temp.Dispose();

    private static string[] PipelineSystems()
    {
        using var world = Pipeline.CreateWorld(0);
        return [.. world.Scheduler.Timings.Select(t => t.Name)];
    }

    /// <summary>Reads the CSV, checks its header and shape, and returns (system, calls, total ms, mean µs) per row.</summary>
    private static (string System, long Calls, double TotalMs, double MeanUs)[] Read(string path)
    {
        string[] lines = File.ReadAllLines(path);
        Assert.That(lines[0], Is.EqualTo(TimingsCsv.Header));
        var rows = lines.Skip(1).Select(line => line.Split(',')).ToArray();
        Assert.That(rows.Select(r => r.Length), Is.All.EqualTo(7));
        return [.. rows.Select(r => (r[0], long.Parse(r[3], CultureInfo.InvariantCulture),
            double.Parse(r[4], CultureInfo.InvariantCulture), double.Parse(r[5], CultureInfo.InvariantCulture)))];
    }

    [Test]
    public void PoolRunWritesOneRowPerSystemWithItsCalls()
    {
        string csv = _temp.File("timings.csv");
        var run = CliRun.Of("pool", "run", "--new", "64", "--density", "0.1", "--ticks", "25", "--drive", "0..8=10000", "--timings-csv", csv);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
        Assert.That(run.Output, Does.Contain($"Timings CSV: {csv}"));
        var rows = Read(csv);
        Assert.That(rows.Select(r => r.System), Is.EqualTo(PipelineSystems()));
        Assert.That(rows.Select(r => r.Calls), Is.All.EqualTo(25));
        Assert.That(rows.Select(r => r.TotalMs), Is.All.GreaterThanOrEqualTo(0));
        Assert.That(rows.Single(r => r.System == "PoolSpike").TotalMs, Is.GreaterThan(0));
        foreach (var row in rows)
            Assert.That(row.MeanUs, Is.EqualTo(row.TotalMs * 1000 / row.Calls).Within(0.002 + row.MeanUs * 1e-6), row.System);
    }

    [Test]
    public void ResumeCountsOnlyItsOwnTicks()
    {
        string world = _temp.File("w.gnw");
        Assert.That(CliRun.Of("pool", "run", "--new", "32", "--density", "0.1", "--ticks", "5", "--save", world).ExitCode, Is.EqualTo(ExitCodes.Success));
        string csv = _temp.File("resume.csv");
        var run = CliRun.Of("resume", world, "--ticks", "7", "--timings-csv", csv);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
        Assert.That(Read(csv).Select(r => r.Calls), Is.All.EqualTo(7));
    }

    [TestCase("region-demo", "--ticks", "12")]
    [TestCase("growth-demo", "--ticks", "12")]
    [TestCase("topology-demo", "--ticks", "12", "--vertices", "64")]
    public void DemoCommandsWriteTimings(params string[] args)
    {
        string csv = _temp.File("demo.csv");
        var run = CliRun.Of([.. args, "--timings-csv", csv]);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
        var rows = Read(csv);
        Assert.That(rows.Select(r => r.System), Is.EqualTo(PipelineSystems()));
        Assert.That(rows.Select(r => r.Calls), Is.All.EqualTo(12));
    }

    [Test]
    public void TheNamedDemoWritesTimings()
    {
        string csv = _temp.File("pool-demo.csv");
        var run = CliRun.Of("demo", "pool", "--timings-csv", csv);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
        var rows = Read(csv);
        Assert.That(rows.Select(r => r.System), Is.EqualTo(PipelineSystems()));
        Assert.That(rows.Select(r => r.Calls).Distinct().Single(), Is.GreaterThan(0));
    }

    [Test]
    public void AMissingFolderFailsBeforeTheRun()
    {
        var run = CliRun.Of("pool", "run", "--new", "16", "--density", "0.1", "--ticks", "1", "--timings-csv", _temp.File("no/such/dir/t.csv"));
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure));
        Assert.That(run.Error, Does.Contain("--timings-csv: directory"));
        Assert.That(run.Output, Does.Not.Contain("Ticks:"));
    }

    [Test]
    public void WriteListsTheSchedulersTimingsInOrder()
    {
        using var world = Pipeline.CreateWorld(1);
        world.Step();
        world.Step();
        using var text = new StringWriter();
        TimingsCsv.Write(world.Scheduler.Timings, text);
        string[] lines = text.ToString().TrimEnd('\n').Split('\n');
        Assert.That(lines, Has.Length.EqualTo(world.Scheduler.Timings.Count + 1));
        for (int i = 0; i < world.Scheduler.Timings.Count; i++)
        {
            var timing = world.Scheduler.Timings[i];
            Assert.That(lines[i + 1], Does.StartWith($"{timing.Name},{timing.Phase},{timing.PhaseName},2,"));
        }
    }
}
