using NUnit.Framework;
using GrowNet.Ecs.Cli;
using GrowNet.Ecs.Cli.Runner;

namespace GrowNet.Ecs.Tests.Cli.Runner;

public sealed class ScenarioRunnerTests
{
    private static int RunFile(TempDirectory temp, string text, string outDir, params string[] extra)
    {
        string file = temp.File($"s-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, text);
        var run = CliRun.Of(["run", file, "--out", outDir, .. extra]);
        Assert.That(run.Error, Is.Empty);
        return run.ExitCode;
    }

    [Test]
    public void Same_file_and_seed_give_the_same_bytes_on_one_and_two_threads()
    {
        using var temp = new TempDirectory();
        string one = temp.File("one"), two = temp.File("two");
        Assert.That(RunFile(temp, RunnerScenarios.Small(one), one, "--threads", "1"), Is.EqualTo(0));
        Assert.That(RunFile(temp, RunnerScenarios.Small(two), two, "--threads", "2"), Is.EqualTo(0));
        var a = RunnerScenarios.DeterministicOutputs(one);
        var b = RunnerScenarios.DeterministicOutputs(two);
        Assert.That(a.Keys, Is.EqualTo(new[] { "final-metrics.csv", "metrics.csv", "raster.npy", "trace.npy" }));
        Assert.That(b.Keys, Is.EqualTo(a.Keys));
        foreach (var (name, bytes) in a)
            Assert.That(b[name], Is.EqualTo(bytes), name);
        Assert.That(File.ReadAllBytes(Path.Combine(one, "ckpt-0000000200.gnw")), Is.EqualTo(File.ReadAllBytes(Path.Combine(two, "ckpt-0000000200.gnw"))));
    }

    [Test]
    public void Recordings_hold_what_the_populations_reported()
    {
        using var temp = new TempDirectory();
        string dir = temp.File("o");
        Assert.That(RunFile(temp, RunnerScenarios.Small(dir), dir), Is.EqualTo(0));
        var spikes = RecordingFiles.ReadSpikes(Path.Combine(dir, "raster.npy"));
        var (header, columns) = RecordingFiles.ReadCsv(Path.Combine(dir, "metrics.csv"));
        Assert.That(header, Is.EqualTo(new[] { "tick", "cells", "synapses", "tick", "spikes", "hot", "warm", "cool", "cold", "dead" }));
        Assert.That(columns[0], Is.EqualTo(Enumerable.Range(1, 30).Select(i => i * 10.0).ToArray()));
        int spikeColumn = Array.IndexOf(header, "spikes");
        Assert.That(columns[spikeColumn].Sum(), Is.GreaterThan(0));
        for (int row = 0; row < columns[0].Length; row++)
            Assert.That(spikes.Count(s => s.Tick == (uint)columns[0][row]), Is.EqualTo((int)columns[spikeColumn][row]), $"tick {columns[0][row]}");
        Assert.That(spikes.Select(s => (long)s.Tick * 1000 + s.Cell), Is.Ordered.Ascending);
        var trace = RecordingFiles.ReadMatrix(Path.Combine(dir, "trace.npy"), 16);
        Assert.That(trace, Has.Length.EqualTo(60)); // ticks 3, 8, …, 298
        var header128 = File.ReadAllBytes(Path.Combine(dir, "trace.npy"))[..NpyFile.HeaderLength];
        Assert.That(header128, Is.EqualTo(NpyFile.Header("'<f8'", " 16", 60)));
        var timings = RecordingFiles.ReadCsv(Path.Combine(dir, "timings.csv"));
        Assert.That(timings.Columns[0], Is.EqualTo(new double[] { 50, 100, 150, 200, 250, 300 }));
        Assert.That(timings.Header.Length, Is.GreaterThan(3));
    }

    [Test]
    public void Resuming_a_checkpoint_equals_the_uninterrupted_run()
    {
        using var temp = new TempDirectory();
        string whole = temp.File("whole"), parts = temp.File("parts");
        Assert.That(RunFile(temp, RunnerScenarios.Small(whole), whole), Is.EqualTo(0));
        Assert.That(RunFile(temp, RunnerScenarios.Small(parts), parts), Is.EqualTo(0));
        // Continue from the tick-100 checkpoint: the recordings are cut back and rewritten from there.
        var resumed = CliRun.Of("resume", Path.Combine(parts, "ckpt-0000000100.gnw"), "--threads", "2");
        Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.Error);
        RunnerScenarios.AssertSameOutputs(whole, parts);
    }

    [Test]
    public void Checkpoints_keep_the_newest_ones()
    {
        using var temp = new TempDirectory();
        string dir = temp.File("o");
        string text = RunnerScenarios.Small(dir).Replace("\"keep\": 5", "\"keep\": 2").Replace("\"every\": 100", "\"every\": 60");
        Assert.That(RunFile(temp, text, dir), Is.EqualTo(0));
        Assert.That(Directory.GetFiles(dir, "ckpt-*").Select(Path.GetFileName).Order(StringComparer.Ordinal),
            Is.EqualTo(new[] { "ckpt-0000000180.gnw", "ckpt-0000000180.run.json", "ckpt-0000000240.gnw", "ckpt-0000000240.run.json" }));
    }

    [Test]
    public void Recorders_allocate_nothing_per_sample()
    {
        using var temp = new TempDirectory();
        var scenario = ScenarioReader.Parse(RunnerScenarios.Small(temp.File("o")));
        using var runner = ScenarioRunner.Start(scenario, new RunOverrides());
        var allocated = runner.Recorders.ToDictionary(r => r.Name, _ => 0L);
        Assert.That(runner.Recorders.Select(r => r.Definition.What), Does.Contain(RecordingKind.Timings));
        for (int i = 0; i < 600; i++)
        {
            runner.World.Step();
            foreach (var recorder in runner.Recorders)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                recorder.Sample((long)runner.World.Tick);
                if (i >= 100) // the first samples JIT the code and fill lazily made buffers
                    allocated[recorder.Name] += GC.GetAllocatedBytesForCurrentThread() - before;
            }
        }

        // 500 samples: the CSV writers' buffers fill and drain to the file several times.
        Assert.Multiple(() =>
        {
            foreach (var (name, bytes) in allocated)
                Assert.That(bytes, Is.EqualTo(0), name);
        });
    }

    [Test]
    public void Bad_references_exit_2_with_the_json_path()
    {
        using var temp = new TempDirectory();
        string file = temp.File("bad.json");
        File.WriteAllText(file, RunnerScenarios.Small(temp.File("o")).Replace("\"port\": \"trace\"", "\"port\": \"tracer\""));
        var run = CliRun.Of("run", file);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error, Does.StartWith("error: $.recordings.trace.port: pool 'p' has no port 'tracer'"));
        File.WriteAllText(file, RunnerScenarios.Small(temp.File("o")).Replace("\"to\": 24", "\"to\": 999"));
        Assert.That(CliRun.Of("run", file).Error, Does.StartWith("error: $.recordings.trace.to: range [8..999) lies outside port 'p/trace' of length 256"));
        File.WriteAllText(file, RunnerScenarios.Small(temp.File("o")).Replace("p/current[0..32]", "p/spikes[0..32]"));
        Assert.That(CliRun.Of("run", file).Error, Does.StartWith("error: $.inputs.drive.target: port 'p/spikes' is an output"));
    }

    [Test]
    public void Describe_prints_the_defaulted_scenario_and_runs_nothing()
    {
        using var temp = new TempDirectory();
        string file = temp.File("s.json");
        string dir = temp.File("o");
        File.WriteAllText(file, RunnerScenarios.Small(dir));
        var run = CliRun.Of("run", file, "--describe");
        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(ScenarioReader.Parse(run.Output).ToJson(), Is.EqualTo(ScenarioReader.ReadFile(file).ToJson()));
        Assert.That(run.Output, Does.Contain("\"spikeThreshold\": -14080"));
        Assert.That(Directory.Exists(dir), Is.False);
    }

    [Test]
    public void Progress_is_plain_lines_when_output_is_not_a_terminal()
    {
        using var temp = new TempDirectory();
        string dir = temp.File("o");
        string text = RunnerScenarios.Small(dir, ticks: 100).Replace("\"dir\":", "\"heartbeatSeconds\": 0.1, \"dir\":");
        string file = temp.File("s.json");
        File.WriteAllText(file, text);
        var run = CliRun.Of("run", file);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.Contain("done: tick 100/100 (100.0%)"));
        Assert.That(run.Output, Does.Contain("synapses "));
    }
}
