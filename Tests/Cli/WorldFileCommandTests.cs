using GrowNet.Ecs.Serialization.Worlds;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Cli;

/// <summary>The world-file commands: --save FILE.gnw, resume, inspect (issue 5, world-format.md).</summary>
public class WorldFileCommandTests
{
    [Test]
    public void PoolRun_SaveGnw_ThenResume_EqualsOneLongRun()
    {
        using var temp = new TempDirectory();
        string half = temp.File("half.gnw"), resumed = temp.File("resumed.gnw"), straight = temp.File("straight.gnw");
        var first = CliRun.Of("pool", "run", "--new", "64", "--density", "0.1", "--compat", "--ticks", "40", "--drive", "0..8=10000", "--save", half);
        Assert.That(first.ExitCode, Is.EqualTo(0), first.Error);
        var second = CliRun.Of("resume", half, "--ticks", "60", "--save", resumed);
        Assert.That(second.ExitCode, Is.EqualTo(0), second.Error);
        Assert.That(second.Output, Does.Contain("world tick 100"));
        Assert.That(second.Output, Does.Contain("pool 'pool': 64 cells"));
        var whole = CliRun.Of("pool", "run", "--new", "64", "--density", "0.1", "--compat", "--ticks", "100", "--drive", "0..8=10000", "--save", straight);
        Assert.That(whole.ExitCode, Is.EqualTo(0), whole.Error);
        Assert.That(File.ReadAllBytes(resumed), Is.EqualTo(File.ReadAllBytes(straight)));
    }

    [Test]
    public void DemoPool_Save_ThenInspect_ShowsSectionsAndPopulations()
    {
        using var temp = new TempDirectory();
        string path = temp.File("demo.gnw");
        var demo = CliRun.Of("demo", "pool", "--save", path);
        Assert.That(demo.ExitCode, Is.EqualTo(0), demo.Error);
        Assert.That(demo.Output, Does.Contain("Saved world (tick 8080)"));
        var inspect = CliRun.Of("inspect", path);
        Assert.That(inspect.ExitCode, Is.EqualTo(0), inspect.Error);
        Assert.That(inspect.Output, Does.Contain("Format: GrowNet world 2.0"));
        Assert.That(inspect.Output, Does.Contain("tick: 8080"));
        Assert.That(inspect.Output, Does.Contain("pool 'demo': 32 cells (25E/7I), 62 synapses"));
        Assert.That(inspect.Output, Does.Contain("ColumnCatalog"));
    }

    [Test]
    public void Inspect_DamagedFile_SaysWhatIsWrong_AndFails()
    {
        using var temp = new TempDirectory();
        string path = temp.File("w.gnw");
        Assert.That(CliRun.Of("pool", "run", "--new", "16", "--density", "0.2", "--ticks", "3", "--save", path).ExitCode, Is.EqualTo(0));
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length - 40] ^= 0x01;
        File.WriteAllBytes(path, bytes);
        var inspect = CliRun.Of("inspect", path);
        Assert.That(inspect.ExitCode, Is.EqualTo(1));
        Assert.That(inspect.Error, Does.Contain("damaged").And.Contain("hecksum"));
        Assert.That(inspect.Output, Does.Contain("Sections ("));
        var resume = CliRun.Of("resume", path, "--ticks", "1");
        Assert.That(resume.ExitCode, Is.EqualTo(1));
        Assert.That(resume.Error, Does.Contain("not a valid world file"));
    }

    [Test]
    public void Resume_And_Inspect_MissingFile_Fail()
    {
        Assert.That(CliRun.Of("resume", "/nonexistent/x.gnw", "--ticks", "1").Error, Does.Contain("not found"));
        Assert.That(CliRun.Of("inspect", "/nonexistent/x.gnw").ExitCode, Is.EqualTo(1));
        Assert.That(CliRun.Of("resume", "x.gnw").ExitCode, Is.EqualTo(2));
    }

    [Test]
    public void Resume_BadTicks_IsAUsageError()
    {
        using var temp = new TempDirectory();
        string path = temp.File("w.gnw");
        Assert.That(CliRun.Of("pool", "run", "--new", "8", "--density", "0.2", "--ticks", "1", "--save", path).ExitCode, Is.EqualTo(0));
        var run = CliRun.Of("resume", path, "--ticks", "-3");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("--ticks"));
        using var loaded = WorldCodec.LoadFile(path);
        Assert.That(loaded.Tick, Is.EqualTo(1UL));
    }
}
