using System.Text.Json;
using GrowNet.Ecs.Cli;
using GrowNet.Ecs.Serialization;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Cli;

/// <summary>Defects found by trying the CLI as a new user would (issue 13's list); each test failed before its fix.</summary>
[TestFixture]
public class CliDefectTests
{
    private TempDirectory temp = null!;

    [SetUp]
    public void SetUp() => temp = new TempDirectory();

    [TearDown]
    public void TearDown() => temp.Dispose();

    [TestCase("pool", "run", "--new", "64", "--density", "0.1", "--ticks", "1", "--threads", "100000")]
    [TestCase("resume", "PLACEHOLDER", "--ticks", "1", "--threads", "100000")]
    public void HugeThreadCounts_AreRefusedWithABound(params string[] args)
    {
        string world = temp.File("w.gnw");
        Assert.That(CliRun.Of("demo", "pool", "--save", world).ExitCode, Is.EqualTo(ExitCodes.Success));
        var run = CliRun.Of(args.Select(a => a == "PLACEHOLDER" ? world : a).ToArray());

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error, Does.Contain($"--threads must be 1..{ThreadCounts.Maximum}"));
    }

    [Test]
    public void StaleTemporaryFiles_OfDeadWriters_AreRemovedByTheNextSave()
    {
        string target = temp.File("w.gnw");
        // A writer killed with SIGKILL leaves its temporary file; process id 2^22 + 7 is above Linux's pid_max default range.
        string stale = temp.File(AtomicFile.TemporaryName("w.gnw", 4_194_311, Guid.NewGuid()));
        string live = temp.File(AtomicFile.TemporaryName("w.gnw", Environment.ProcessId, Guid.NewGuid()));
        string other = temp.File(AtomicFile.TemporaryName("other.gnw", 4_194_311, Guid.NewGuid()));
        foreach (string file in new[] { stale, live, other })
            File.WriteAllBytes(file, new byte[100]);

        Assert.That(CliRun.Of("demo", "pool", "--save", target).ExitCode, Is.EqualTo(ExitCodes.Success));

        Assert.That(File.Exists(stale), Is.False, "a dead writer's temporary file is removed");
        Assert.That(File.Exists(live), Is.True, "a live writer's temporary file is left alone");
        Assert.That(File.Exists(other), Is.True, "temporary files of other targets are left alone");
        Assert.That(File.Exists(target), Is.True);
    }

    [Test]
    public void AFailedSave_NamesTheTarget_NotTheTemporaryFile()
    {
        var run = CliRun.Of("demo", "pool", "--save", "/proc/x.gnw");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure));
        Assert.That(run.Error, Does.Contain("/proc/x.gnw"));
        Assert.That(run.Error, Does.Not.Contain(".tmp"));
    }

    [TestCase("demo", "pool")]
    [TestCase("region-demo", "--ticks", "5")]
    [TestCase("topology-demo", "--ticks", "2", "--vertices", "64")]
    public void WorldWriters_RefuseAPoolFileName(params string[] args)
    {
        string path = temp.File("x.pool");
        var run = CliRun.Of([.. args, "--save", path]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error, Does.Contain("must end in .gnw").And.Contain("only 'pool run' writes it"));
        Assert.That(File.Exists(path), Is.False);
    }

    [Test]
    public void Resume_RefusesAPoolFileName()
    {
        string world = temp.File("w.gnw");
        CliRun.Of("demo", "pool", "--save", world);
        var run = CliRun.Of("resume", world, "--ticks", "1", "--save", temp.File("x.pool"));

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(File.Exists(temp.File("x.pool")), Is.False);
    }

    [Test]
    public void Inspect_RecognisesAPoolFile_AndPrintsTheRealSize()
    {
        string pool = temp.File("p.pool");
        Assert.That(CliRun.Of("pool", "run", "--new", "64", "--density", "0.1", "--ticks", "3", "--save", pool).ExitCode, Is.EqualTo(ExitCodes.Success));
        long size = new FileInfo(pool).Length;

        var run = CliRun.Of("inspect", pool);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
        Assert.That(run.Output, Does.Contain($"({size} bytes)").And.Contain("neuropool 0.1 pool file"));
        Assert.That(run.Output, Does.Contain("pool 'pool': 64 cells").And.Contain("tick 3"));
        Assert.That(run.Error, Is.Empty);
    }

    [Test]
    public void Inspect_Json_IsOneObjectForTools()
    {
        string world = temp.File("w.gnw");
        CliRun.Of("demo", "pool", "--save", world);

        var run = CliRun.Of("inspect", world, "--json");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success));
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.That(root.GetProperty("kind").GetString(), Is.EqualTo("world"));
        Assert.That(root.GetProperty("valid").GetBoolean(), Is.True);
        Assert.That(root.GetProperty("bytes").GetInt64(), Is.EqualTo(new FileInfo(world).Length));
        Assert.That(root.GetProperty("format").GetString(), Is.EqualTo("GrowNet world 2.0"));
        Assert.That(root.GetProperty("sections").GetArrayLength(), Is.GreaterThan(5));
        Assert.That(root.GetProperty("populations")[0].GetString(), Does.StartWith("pool 'demo'"));
    }

    [Test]
    public void Inspect_DamagedPoolFile_SaysWhatIsWrong_InJsonToo()
    {
        string pool = temp.File("p.pool");
        CliRun.Of("pool", "run", "--new", "64", "--density", "0.1", "--ticks", "1", "--save", pool);
        var bytes = File.ReadAllBytes(pool);
        bytes[^3] ^= 0x40;
        File.WriteAllBytes(pool, bytes);

        var run = CliRun.Of("inspect", pool, "--json");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure));
        using var json = JsonDocument.Parse(run.Output);
        Assert.That(json.RootElement.GetProperty("valid").GetBoolean(), Is.False);
        Assert.That(json.RootElement.GetProperty("error").GetString(), Does.Contain("CRC").IgnoreCase);
    }

    [Test]
    public void DemoSave_WithoutAName_SavesEveryDemosWorld()
    {
        string path = temp.File("all.gnw");
        var run = CliRun.Of("demo", "--save", path);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
        foreach (string name in new[] { "pool", "region", "growth", "topology" })
        {
            Assert.That(File.Exists(temp.File($"all-{name}.gnw")), Is.True, name);
            Assert.That(CliRun.Of("inspect", temp.File($"all-{name}.gnw")).ExitCode, Is.EqualTo(ExitCodes.Success), name);
        }
    }

    [TestCase("")]
    [TestCase("DIR")]
    [TestCase("DIR/")]
    public void EmptyPathsAndDirectories_GiveOneLineErrors(string given)
    {
        string path = given.Replace("DIR", temp.Path);
        foreach (var args in new[]
        {
            new[] { "demo", "pool", "--save", path },
            new[] { "pool", "run", "--new", "16", "--density", "0.1", "--ticks", "1", "--spikes-csv", path },
        })
        {
            var run = CliRun.Of(args);
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), string.Join(' ', args));
            Assert.That(run.Error, Does.Contain(given == "" ? "the path is empty" : "is a directory"), string.Join(' ', args));
            Assert.That(run.Error.Trim().Split('\n'), Has.Length.LessThanOrEqualTo(2), "one error line and the help hint");
        }

        foreach (var args in new[] { new[] { "inspect", path }, new[] { "resume", path, "--ticks", "1" } })
        {
            var run = CliRun.Of(args);
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), string.Join(' ', args));
            Assert.That(run.Error, Does.Contain(given == "" ? "the path is empty" : "is a directory"), string.Join(' ', args));
        }
    }

    [Test]
    public void ASaveTarget_ChangedByAnotherWriterSinceTheStart_IsReported()
    {
        string path = temp.File("shared.gnw");
        var target = SaveTarget.Check(path)!;
        Assert.That(target.ChangedSinceCheck(), Is.False);
        File.WriteAllBytes(path, [1, 2, 3]);

        using var error = new StringWriter();
        var context = new CliContext(TextWriter.Null, error, interactive: false);
        using var world = GrowNet.Ecs.Systems.Pipeline.CreateWorld();
        target.SaveWorld(world, context);

        Assert.That(error.ToString(), Does.Contain("warning: '" + path + "' was written by someone else since this run started"));
        Assert.That(new FileInfo(path).Length, Is.GreaterThan(3), "the world is saved all the same");
    }

    [Test]
    public void ASaveTarget_UnchangedSinceTheStart_SavesQuietly()
    {
        string path = temp.File("mine.gnw");
        File.WriteAllBytes(path, [1, 2, 3]);
        var target = SaveTarget.Check(path)!;

        using var error = new StringWriter();
        using var world = GrowNet.Ecs.Systems.Pipeline.CreateWorld();
        target.SaveWorld(world, new CliContext(TextWriter.Null, error, interactive: false));

        Assert.That(error.ToString(), Is.Empty);
    }
}
