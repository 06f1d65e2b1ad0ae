using GrowNet.Ecs.Cli;
using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Pool;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Cli;

[TestFixture]
public sealed class PoolRunCommandTests
{
    private TempDirectory _temp = null!;

    [SetUp]
    public void SetUp() => _temp = new TempDirectory();

    [TearDown]
    public void TearDown() => _temp.Dispose();

    [Test]
    public void CompatRunWritesOneCsvRowPerTickMatchingTheApi()
    {
        string csv = _temp.File("spikes.csv");
        var run = CliRun.Of("pool", "run", "--new", "64", "--density", "0.1", "--compat", "--ticks", "50", "--drive", "0..8=10000", "--spikes-csv", csv);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
        Assert.That(run.Error, Is.Empty);
        string[] lines = File.ReadAllLines(csv);
        Assert.That(lines, Has.Length.EqualTo(51));
        Assert.That(lines[0], Is.EqualTo("tick,spikes"));
        var rows = lines.Skip(1).Select(line => line.Split(',')).ToArray();
        Assert.That(rows.Select(row => row.Length), Is.All.EqualTo(2));
        Assert.That(rows.Select(row => long.Parse(row[0])), Is.EqualTo(Enumerable.Range(1, 50).Select(i => (long)i)));
        long csvTotal = rows.Sum(row => long.Parse(row[1]));

        var expected = RunDirectly(64, 0.1f, 50, 0, 8, 10000);
        Assert.That(rows.Select(row => int.Parse(row[1])), Is.EqualTo(expected));
        Assert.That(csvTotal, Is.EqualTo(expected.Sum()));
        Assert.That(csvTotal, Is.GreaterThan(0));
        Assert.That(run.Output, Does.Contain($"Spikes: {csvTotal} total"));
        Assert.That(run.Output, Does.Contain("Pool 'pool': 64 cells"));
        Assert.That(run.Output, Does.Contain("tick 50"));
    }

    [Test]
    public void StandardRunMatchesTheApiWithTheSameSeed()
    {
        var run = CliRun.Of("pool", "run", "--new", "100", "--density", "0.05", "--seed", "42", "--ticks", "30", "--drive", "0..10=12000", "--threads", "2");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);

        using var world = Pipeline.CreateWorld(42);
        var pool = NeuronPool.Create(world, "pool", PoolDefinition.Standard(100, 0.05, PoolConfig.Default));
        pool.SetInputRange(0, 10, 12000);
        long total = 0;
        for (int tick = 0; tick < 30; tick++)
        {
            world.Step();
            total += pool.LastSpikeCount;
        }

        Assert.That(run.Output, Does.Contain($"{pool.SynapseCount} synapses"));
        Assert.That(run.Output, Does.Contain($"Spikes: {total} total"));
    }

    [Test]
    public void SavedPoolCanBeLoadedAndRunOn()
    {
        string saved = _temp.File("run.pool");
        var first = CliRun.Of("pool", "run", "--new", "64", "--density", "0.1", "--compat", "--ticks", "20", "--drive", "0..8=10000", "--save", saved);
        Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.Success), first.Error);
        Assert.That(File.Exists(saved), Is.True);
        Assert.That(first.Output, Does.Contain("Saved: " + saved));

        string csv = _temp.File("second.csv");
        var second = CliRun.Of("pool", "run", "--pool", saved, "--ticks", "10", "--drive", "0..8=10000", "--spikes-csv", csv);
        Assert.That(second.ExitCode, Is.EqualTo(ExitCodes.Success), second.Error);
        Assert.That(second.Output, Does.Contain("Loaded pool 'pool'"));
        Assert.That(second.Output, Does.Contain("tick 30"));
        string[] lines = File.ReadAllLines(csv);
        Assert.That(lines, Has.Length.EqualTo(11));
        Assert.That(lines[1], Does.StartWith("21,"));
        Assert.That(lines[^1], Does.StartWith("30,"));
    }

    [Test]
    public void ZeroTicksWritesOnlyTheHeader()
    {
        string csv = _temp.File("empty.csv");
        var run = CliRun.Of("pool", "run", "--new", "16", "--density", "0", "--ticks", "0", "--spikes-csv", csv);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.Error);
        Assert.That(File.ReadAllLines(csv), Is.EqualTo(new[] { "tick,spikes" }));
        Assert.That(run.Output, Does.Contain("Spikes: 0 total"));
    }

    [TestCase(new[] { "--ticks", "5" }, "exactly one pool source")]
    [TestCase(new[] { "--new", "64", "--density", "0.1", "--pool", "x.pool", "--ticks", "5" }, "not both")]
    [TestCase(new[] { "--new", "64", "--density", "1.5", "--ticks", "5" }, "--density")]
    [TestCase(new[] { "--new", "64", "--density", "NaN", "--ticks", "5" }, "--density")]
    [TestCase(new[] { "--new", "64", "--density", "abc", "--ticks", "5" }, "--density")]
    [TestCase(new[] { "--new", "64", "--ticks", "5" }, "--density")]
    [TestCase(new[] { "--new", "0", "--density", "0.1", "--ticks", "5" }, "--new")]
    [TestCase(new[] { "--new", "65537", "--density", "0.1", "--ticks", "5" }, "--new")]
    [TestCase(new[] { "--new", "64", "--density", "0.1" }, "--ticks")]
    [TestCase(new[] { "--new", "64", "--density", "0.1", "--ticks", "-1" }, "--ticks")]
    [TestCase(new[] { "--new", "64", "--density", "0.1", "--ticks", "5", "--drive", "5..3=1" }, "less than")]
    [TestCase(new[] { "--new", "64", "--density", "0.1", "--ticks", "5", "--drive", "0..65=1" }, "TO (65)")]
    [TestCase(new[] { "--new", "64", "--density", "0.1", "--ticks", "5", "--drive", "0..8=40000" }, "i16")]
    [TestCase(new[] { "--new", "64", "--density", "0.1", "--ticks", "5", "--drive", "0-8=1" }, "FROM..TO=CURRENT")]
    [TestCase(new[] { "--new", "64", "--density", "0.1", "--ticks", "5", "--threads", "0" }, "--threads")]
    [TestCase(new[] { "--pool", "x.pool", "--compat", "--ticks", "5" }, "--compat")]
    [TestCase(new[] { "--pool", "x.pool", "--seed", "3", "--ticks", "5" }, "--seed")]
    [TestCase(new[] { "--new", "64", "--density", "0.1", "--ticks", "5", "--bogus" }, "--bogus")]
    public void UsageErrorsExitWithTwoAndNameTheProblem(string[] options, string keyWord)
    {
        var run = CliRun.Of(["pool", "run", .. options]);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error, Does.Contain(keyWord));
        Assert.That(run.Error, Does.Not.Contain("   at "), "no stack trace");
        Assert.That(run.Output, Is.Empty);
    }

    [Test]
    public void DriveBeyondALoadedPoolIsAUsageError()
    {
        string saved = _temp.File("small.pool");
        Assert.That(CliRun.Of("pool", "run", "--new", "16", "--density", "0.2", "--ticks", "0", "--save", saved).ExitCode, Is.EqualTo(ExitCodes.Success));
        var run = CliRun.Of("pool", "run", "--pool", saved, "--ticks", "5", "--drive", "0..17=100");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error, Does.Contain("TO (17)").And.Contain("16 cells"));
    }

    [Test]
    public void MissingPoolFileFails()
    {
        string missing = _temp.File("missing.pool");
        var run = CliRun.Of("pool", "run", "--pool", missing, "--ticks", "5");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure));
        Assert.That(run.Error, Does.Contain("not found").And.Contain("missing.pool"));
        Assert.That(run.Error, Does.Not.Contain("   at "));
    }

    [Test]
    public void MissingDirectoryOfAPoolFileFails()
    {
        string missing = Path.Combine(_temp.Path, "no-such-dir", "p.pool");
        var run = CliRun.Of("pool", "run", "--pool", missing, "--ticks", "5");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure));
        Assert.That(run.Error, Does.Contain("not found"));
    }

    [Test]
    public void CorruptPoolFileFails()
    {
        string corrupt = _temp.File("corrupt.pool");
        var bytes = new byte[512];
        new Random(1234).NextBytes(bytes);
        File.WriteAllBytes(corrupt, bytes);
        var run = CliRun.Of("pool", "run", "--pool", corrupt, "--ticks", "5");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure));
        Assert.That(run.Error, Does.Contain("not a valid pool file").And.Contain("corrupt.pool"));
        Assert.That(run.Error, Does.Not.Contain("   at "));
    }

    [Test]
    public void TruncatedPoolFileFails()
    {
        string saved = _temp.File("whole.pool");
        Assert.That(CliRun.Of("pool", "run", "--new", "32", "--density", "0.2", "--ticks", "3", "--save", saved).ExitCode, Is.EqualTo(ExitCodes.Success));
        var bytes = File.ReadAllBytes(saved);
        string truncated = _temp.File("truncated.pool");
        File.WriteAllBytes(truncated, bytes[..(bytes.Length / 2)]);
        var run = CliRun.Of("pool", "run", "--pool", truncated, "--ticks", "5");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure));
        Assert.That(run.Error, Does.Contain("not a valid pool file"));
    }

    [Test]
    public void SaveIntoMissingDirectoryFailsBeforeRunning()
    {
        string target = Path.Combine(_temp.Path, "no-such-dir", "out.pool");
        var run = CliRun.Of("pool", "run", "--new", "16", "--density", "0.1", "--ticks", "5", "--save", target);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failure));
        Assert.That(run.Error, Does.Contain("--save").And.Contain("does not exist"));
        Assert.That(run.Output, Is.Empty);
    }

    [Test]
    public void HelpDescribesTheOptions()
    {
        var run = CliRun.Of("pool", "run", "--help");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success));
        foreach (string option in new[] { "--new", "--density", "--compat", "--seed", "--pool", "--ticks", "--drive", "--spikes-csv", "--save", "--threads" })
            Assert.That(run.Output, Does.Contain(option));
        Assert.That(run.Output, Does.Contain("FROM..TO=CURRENT"));
        Assert.That(run.Output, Does.Contain("tick,spikes"));
    }

    private static int[] RunDirectly(int cells, float density, int ticks, int from, int to, short current)
    {
        using var world = Pipeline.CreateWorld(0);
        var pool = NeuronPool.Create(world, "direct", PoolDefinition.Compat(cells, density, PoolConfig.Default));
        pool.SetInputRange(from, to, current);
        var spikes = new int[ticks];
        for (int tick = 0; tick < ticks; tick++)
        {
            world.Step();
            spikes[tick] = pool.LastSpikeCount;
        }

        return spikes;
    }
}
