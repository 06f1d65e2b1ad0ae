using GrowNet.Ecs.Cli.Bench;
using GrowNet.Ecs.Cli.Bench.Results;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Cli.Bench;

[TestFixture]
public sealed class BenchCommandTests
{
    private TempDirectory _temp = null!;

    [SetUp]
    public void SetUp() => _temp = new TempDirectory();

    [TearDown]
    public void TearDown() => _temp.Dispose();

    [Test]
    public void ListNamesEveryWorkload()
    {
        var run = CliRun.Of("bench", "--list");
        Assert.That(run.ExitCode, Is.EqualTo(BenchExitCodes.NoRegression), run.Error);
        foreach (var workload in GrowNet.Ecs.Cli.Bench.Running.BenchWorkloads.All)
            Assert.That(run.Output, Does.Contain(workload.Name));
    }

    [Test]
    public void AMissingBaselineIsOneLineAndExitTwo()
        => AssertBadInput(CliRun.Of("bench", "--compare", _temp.File("missing.json"), "--filter", "world-save"), "no such file");

    [Test]
    public void AMalformedBaselineIsOneLineAndExitTwo()
    {
        File.WriteAllText(_temp.File("bad.json"), "{ \"schema\": ");
        AssertBadInput(CliRun.Of("bench", "--compare", _temp.File("bad.json")), "not a valid bench report");
    }

    [Test]
    public void AnUnknownFilterIsOneLineAndExitTwo()
        => AssertBadInput(CliRun.Of("bench", "--filter", "no-such-workload"), "matches no workload");

    [TestCase("--threshold", "abc", "--threshold")]
    [TestCase("--threshold", "150", "--threshold")]
    [TestCase("--samples", "2", "--samples")]
    [TestCase("--threads", "0", "--threads")]
    [TestCase("--rounds", "3", "--rounds applies only to --ab")]
    public void BadOptionValuesAreOneLineAndExitTwo(string option, string value, string message)
        => AssertBadInput(CliRun.Of("bench", option, value, "--filter", "world-save"), message);

    [Test]
    public void CompareAndAbTogetherAreRejected()
        => AssertBadInput(CliRun.Of("bench", "--compare", "a.json", "--ab", "b.dll"), "not both");

    [Test]
    public void AnAbTargetThatIsNeitherABuildNorARefIsBadInput()
        => AssertBadInput(CliRun.Of("bench", "--ab", "no-such-ref-or-file-xyz", "--filter", "world-save"), "--ab");

    [TestCase("10", 10.0)]
    [TestCase("5%", 5.0)]
    [TestCase(" 2.5 % ", 2.5)]
    public void ThresholdsAreReadAsPercentages(string text, double expected)
        => Assert.That(BenchCommand.ParseThreshold(text), Is.EqualTo(expected));

    [Test]
    public void ARunWritesEveryRawSampleAndCanBeComparedWithItself()
    {
        string json = _temp.File("run.json");
        var run = CliRun.Of("bench", "--filter", "region-hd-frame", "--quick", "--samples", "6", "--json", json);
        Assert.That(run.ExitCode, Is.EqualTo(BenchExitCodes.NoRegression), run.Error);
        var report = BenchReportFile.Read(json);
        Assert.That(report.Workloads.Select(w => w.Name), Is.EqualTo(new[] { "region-hd-frame" }));
        Assert.That(report.Workloads[0].SamplesNs, Has.Length.EqualTo(6).And.All.GreaterThan(0));
        Assert.That(report.Workloads[0].ReferenceNs, Has.Length.EqualTo(6));
        Assert.That(report.Workloads[0].WallNs, Has.Length.EqualTo(6));
        Assert.That((report.Threads, report.Quick), Is.EqualTo((1, true)));
        Assert.That(report.Commit.Commit, Is.Not.Empty);
        Assert.That(report.Machine.ProcessorCount, Is.EqualTo(Environment.ProcessorCount));

        var compare = CliRun.Of("bench", "--filter", "region-hd-frame", "--quick", "--samples", "6", "--compare", json);
        Assert.That(compare.ExitCode, Is.AnyOf(BenchExitCodes.NoRegression, BenchExitCodes.Regression, BenchExitCodes.Inconclusive), compare.Error);
        Assert.That(compare.Output, Does.Contain("| region-hd-frame |"));
        Assert.That(compare.Output, Does.Contain("Geometric mean of the ratios over 1 workloads"));
        Assert.That(compare.Output, Does.Contain($"(exit {compare.ExitCode})"));
    }

    private static void AssertBadInput(CliRun run, string message)
    {
        Assert.That(run.ExitCode, Is.EqualTo(BenchExitCodes.Inconclusive), run.Output);
        Assert.That(run.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1), run.Error);
        Assert.That(run.Error, Does.StartWith("error: ").And.Contain(message));
    }
}
