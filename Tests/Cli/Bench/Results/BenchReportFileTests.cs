using GrowNet.Ecs.Cli.Bench;
using GrowNet.Ecs.Cli.Bench.Results;
using GrowNet.Ecs.Tests.Cli.Bench.Comparing;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Cli.Bench.Results;

[TestFixture]
public sealed class BenchReportFileTests
{
    private static BenchReport Sample() => new()
    {
        CreatedUtc = new DateTimeOffset(2026, 12, 1, 19, 0, 0, TimeSpan.Zero),
        Commit = new CommitInfo("0123456789abcdef0123456789abcdef01234567", "git"),
        Machine = new MachineInfo { Name = "vm", Os = "Linux", Architecture = "X64", ProcessorCount = 2, ProcessorName = "cpu", MemoryBytes = 1L << 34, LoadAverage = 3.5 },
        Runtime = new RuntimeInfo { Framework = ".NET 10.0.0", Version = "10.0.0", Optimized = true, JitSettings = ["DOTNET_TieredPGO=0"] },
        Threads = 1,
        Quick = true,
        ReferenceKernel = "ref v1",
        Clock = "thread-cpu",
        Workloads = [SyntheticResults.Make("a", 1000, 0.02, 6, seed: 1) with { SetupSeconds = 0.25, WarmupIterations = 7 }, SyntheticResults.Make("b", 10, 0.1, 4, seed: 2, batches: 2)],
    };

    [Test]
    public void AReportSurvivesTheRoundTripExactly()
    {
        var report = Sample();
        var back = BenchReportFile.FromJson(BenchReportFile.ToJson(report), "test");
        Assert.That(back.Schema, Is.EqualTo(BenchReport.CurrentSchema));
        Assert.That(back.CreatedUtc, Is.EqualTo(report.CreatedUtc));
        Assert.That(back.Commit, Is.EqualTo(report.Commit));
        Assert.That(back.Machine, Is.EqualTo(report.Machine));
        Assert.That(back.Runtime.JitSettings, Is.EqualTo(report.Runtime.JitSettings));
        Assert.That(back.Runtime with { JitSettings = [] }, Is.EqualTo(report.Runtime with { JitSettings = [] }));
        Assert.That((back.Threads, back.Quick, back.ReferenceKernel, back.Clock), Is.EqualTo((1, true, "ref v1", "thread-cpu")));
        Assert.That(back.Workloads, Has.Length.EqualTo(2));
        for (int w = 0; w < 2; w++)
        {
            var (x, y) = (report.Workloads[w], back.Workloads[w]);
            Assert.That((y.Name, y.Unit, y.OperationsPerIteration, y.SetupSeconds, y.WarmupIterations, y.Batches),
                Is.EqualTo((x.Name, x.Unit, x.OperationsPerIteration, x.SetupSeconds, x.WarmupIterations, x.Batches)));
            Assert.That(y.SamplesNs, Is.EqualTo(x.SamplesNs), "every raw sample, bit for bit");
            Assert.That(y.ReferenceNs, Is.EqualTo(x.ReferenceNs));
            Assert.That(y.WallNs, Is.EqualTo(x.WallNs));
        }
    }

    [Test]
    public void TheJsonUsesCamelCaseNames()
    {
        string json = BenchReportFile.ToJson(Sample());
        Assert.That(json, Does.Contain("\"schema\": \"grownet-bench/1\""));
        Assert.That(json, Does.Contain("\"samplesNs\": ["));
        Assert.That(json, Does.Contain("\"referenceNs\": ["));
        Assert.That(json, Does.Contain("\"commit\": {"));
        Assert.That(json, Does.Contain("\"threads\": 1"));
    }

    [Test]
    public void FilesAreWrittenAndRead()
    {
        using var temp = new TempDirectory();
        string path = temp.File("r.json");
        BenchReportFile.Write(Sample(), path);
        Assert.That(BenchReportFile.Read(path).Workloads[0].SamplesNs, Is.EqualTo(Sample().Workloads[0].SamplesNs));
    }

    [Test]
    public void AMissingFileIsBadInput()
    {
        var error = Assert.Throws<BenchInputException>(() => BenchReportFile.Read("/nonexistent/base.json"));
        Assert.That(error!.Message, Does.Contain("no such file"));
    }

    [TestCase("{ not json", "not a valid bench report")]
    [TestCase("null", "empty")]
    [TestCase("[1, 2]", "not a valid bench report")]
    [TestCase("{\"schema\": \"grownet-bench/1\"}", "not a valid bench report")]
    public void MalformedJsonIsBadInput(string json, string message)
    {
        var error = Assert.Throws<BenchInputException>(() => BenchReportFile.FromJson(json, "x.json"));
        Assert.That(error!.Message, Does.Contain(message));
        Assert.That(error.Message, Does.Contain("x.json"));
    }

    [Test]
    public void AnotherSchemaIsBadInput()
    {
        string json = BenchReportFile.ToJson(Sample()).Replace("grownet-bench/1", "grownet-bench/0", StringComparison.Ordinal);
        Assert.That(() => BenchReportFile.FromJson(json, "x.json"), Throws.TypeOf<BenchInputException>().With.Message.Contains("schema"));
    }

    [Test]
    public void InconsistentSamplesAreBadInput()
    {
        var report = Sample();
        var uneven = report with { Workloads = [report.Workloads[0] with { ReferenceNs = [1.0] }] };
        Assert.That(() => BenchReportFile.FromJson(BenchReportFile.ToJson(uneven), "x"), Throws.TypeOf<BenchInputException>());
        var negative = report with { Workloads = [report.Workloads[0] with { SamplesNs = [.. report.Workloads[0].SamplesNs.Select(_ => -1.0)] }] };
        Assert.That(() => BenchReportFile.FromJson(BenchReportFile.ToJson(negative), "x"), Throws.TypeOf<BenchInputException>().With.Message.Contains("positive"));
    }
}
