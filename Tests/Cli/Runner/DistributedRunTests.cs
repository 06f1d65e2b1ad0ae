using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Cli.Runner;

/// <summary>
/// docs/distributed.md through the command line: <c>grownet run --ranks N</c> writes the outputs
/// and final world of one process, per-rank checkpoints resume to the same bytes, and a failing
/// rank or a bad placement ends the run on every rank with a message naming it.
/// </summary>
[TestFixture]
public sealed class DistributedRunTests
{
    private static string Scenario => Path.Combine(RunnerScenarios.RepositoryRoot(), "scenarios", "distributed-network.json");

    [TestCase(2, 1)]
    [TestCase(2, 2)]
    [TestCase(3, 1)]
    public void Ranks_write_the_outputs_and_final_world_of_one_process(int ranks, int threads)
    {
        using var one = new TempDirectory();
        using var many = new TempDirectory();
        var expected = CliRun.Of("run", Scenario, "--ticks", "150", "--out", one.Path, "--save", one.File("final.gnw"));
        var actual = CliRun.Of("run", Scenario, "--ticks", "150", "--out", many.Path, "--save", many.File("final.gnw"),
            "--ranks", ranks.ToString(), "--threads", threads.ToString());
        Assert.That((expected.ExitCode, expected.Error), Is.EqualTo((0, "")));
        Assert.That((actual.ExitCode, actual.Error), Is.EqualTo((0, "")));
        RunnerScenarios.AssertSameOutputs(one.Path, many.Path);
        Assert.That(File.ReadAllBytes(many.File("final.gnw")), Is.EqualTo(File.ReadAllBytes(one.File("final.gnw"))));
        Assert.That(Directory.GetFiles(many.Path, "ckpt-0000000100.rank-*.gnw").Select(Path.GetFileName).Order(),
            Is.EqualTo(Enumerable.Range(0, ranks).Select(r => $"ckpt-0000000100.rank-{r}.gnw")));
        Assert.That(Directory.GetDirectories(many.Path), Is.Empty);
    }

    [Test]
    public void A_rank_checkpoint_resumes_on_as_many_ranks_to_the_same_bytes()
    {
        using var one = new TempDirectory();
        using var many = new TempDirectory();
        Assert.That(CliRun.Of("run", Scenario, "--ticks", "250", "--out", one.Path).ExitCode, Is.EqualTo(0));
        Assert.That(CliRun.Of("run", Scenario, "--ticks", "250", "--out", many.Path, "--ranks", "2").ExitCode, Is.EqualTo(0));
        File.Delete(Path.Combine(many.Path, "final-metrics.csv"));
        var resumed = CliRun.Of("resume", Path.Combine(many.Path, "ckpt-0000000100.rank-1.gnw"));
        Assert.That((resumed.ExitCode, resumed.Error), Is.EqualTo((0, "")));
        RunnerScenarios.AssertSameOutputs(one.Path, many.Path);
        var wrongCount = CliRun.Of("resume", Path.Combine(many.Path, "ckpt-0000000100.rank-0.gnw"), "--ranks", "3");
        Assert.That(wrongCount.ExitCode, Is.EqualTo(1));
        Assert.That(wrongCount.Error, Does.Contain("was written by a run on 2 ranks; resume it on 2 (this run has 3)"));
    }

    [TestCase(2, 1)]
    [TestCase(3, 2)]
    public void Every_family_on_other_ranks_writes_the_outputs_of_one_process_and_resumes(int ranks, int threads)
    {
        string families = Path.Combine(RunnerScenarios.RepositoryRoot(), "scenarios", "distributed-families.json");
        using var one = new TempDirectory();
        using var many = new TempDirectory();
        var expected = CliRun.Of("run", families, "--out", one.Path, "--save", one.File("final.gnw"));
        var actual = CliRun.Of("run", families, "--out", many.Path, "--save", many.File("final.gnw"), "--ranks", ranks.ToString(),
            "--threads", threads.ToString(), "--set", $"placement.cortex={ranks - 1}");
        Assert.That((expected.ExitCode, expected.Error), Is.EqualTo((0, "")));
        Assert.That((actual.ExitCode, actual.Error), Is.EqualTo((0, "")));
        RunnerScenarios.AssertSameOutputs(one.Path, many.Path);
        Assert.That(File.ReadAllBytes(many.File("final.gnw")), Is.EqualTo(File.ReadAllBytes(one.File("final.gnw"))));
        File.Delete(Path.Combine(many.Path, "final-metrics.csv"));
        var resumed = CliRun.Of("resume", Path.Combine(many.Path, "ckpt-0000000200.rank-0.gnw"));
        Assert.That((resumed.ExitCode, resumed.Error), Is.EqualTo((0, "")));
        RunnerScenarios.AssertSameOutputs(one.Path, many.Path);
    }

    [Test]
    public void A_rank_that_fails_ends_the_run_on_every_rank_with_its_message()
    {
        using var dir = new TempDirectory();
        // Only p1's rank generates p2-p1's synapses (the other holds a shell), so only rank 1 fails.
        var run = CliRun.Of("run", Scenario, "--out", dir.Path, "--ranks", "2", "--set", "projections.p2-p1.degree=5000");
        Assert.That(run.ExitCode, Is.Not.EqualTo(0));
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines.Single(l => l.StartsWith("error: rank 1 of 2: ", StringComparison.Ordinal)), Does.Contain("$.projections.p2-p1.degree"));
        Assert.That(lines.Single(l => l.StartsWith("error: rank 0 of 2: ", StringComparison.Ordinal)), Does.Contain("rank 1 failed:").And.Contain("$.projections.p2-p1"));
    }

    [Test]
    public void A_region_that_adds_layers_is_refused_off_rank_zero_with_its_json_path()
    {
        using var dir = new TempDirectory();
        string region = Path.Combine(RunnerScenarios.RepositoryRoot(), "scenarios", "region.json");
        var run = CliRun.Of("run", region, "--out", dir.Path, "--ticks", "5", "--ranks", "2",
            "--set", "populations.vision.config.growth.enabled=true", "--set", "placement.vision=1");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("error: rank 0 of 2: $.placement.vision: 'vision' is a region that can add layers during a tick "
            + "(layer growth or a growth policy); the new layer and tract entities must have the same handles on every rank, so it stays on rank 0.\n"));
    }

    [Test]
    public void A_bad_placement_names_its_json_path()
    {
        using var dir = new TempDirectory();
        var run = CliRun.Of("run", Scenario, "--out", dir.Path, "--ranks", "2", "--set", "placement.p0=5");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("error: rank 0 of 2: $.placement.p0: rank 5 is outside 0..1 (2 ranks)."));
        var unknown = CliRun.Of("run", Scenario, "--out", dir.Path, "--set", "placement.q9=0");
        Assert.That(unknown.Error.Trim(), Is.EqualTo("error: $.placement.q9: no population 'q9'."));
    }
}
