using NUnit.Framework;
using System.Diagnostics;
using System.Runtime.InteropServices;
using GrowNet.Ecs.Cli.Runner;

namespace GrowNet.Ecs.Tests.Cli.Runner;

/// <summary>SIGINT on a real <c>grownet run</c> child process: exit 130, a checkpoint, and a resume equal to an uninterrupted run.</summary>
[NonParallelizable]
public sealed class SignalTests
{
    [Test]
    public void Sigint_checkpoints_exits_130_and_the_resumed_run_equals_an_uninterrupted_one()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            Assert.Ignore("POSIX signals only.");
        string dll = Path.Combine(RunnerScenarios.RepositoryRoot(), "Cli", "bin", "Release", "net10.0", "grownet.dll");
        Assert.That(File.Exists(dll), Is.True, $"{dll} is built with the solution (Release).");
        using var temp = new TempDirectory();
        string interrupted = temp.File("interrupted"), whole = temp.File("whole");
        string file = temp.File("s.json");
        // Long enough that the signal arrives mid-run (a 64-cell pool runs a few 10⁴ ticks/s: seconds).
        File.WriteAllText(file, RunnerScenarios.Small(interrupted, ticks: 150_000).Replace("\"cells\": 256", "\"cells\": 64")
            .Replace("\"every\": 100, \"keep\": 5", "\"every\": 100000000, \"keep\": 5").Replace("\"to\": 24", "\"to\": 20").Replace("current[0..32]", "current[0..8]"));

        var child = Start(dll, "run", file, "--threads", "1");
        string first = child.StandardOutput.ReadLine() ?? "";
        Assert.That(first, Does.StartWith("Running "));
        Thread.Sleep(300);
        // The signal goes straight from here: starting a `kill` process can take longer than the
        // whole run on a loaded machine, and the child would finish before the signal arrives.
        Assert.That(Kill(child.Id, SignalInterrupt), Is.Zero, "kill(2) failed");
        string rest = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        Assert.That(child.ExitCode, Is.EqualTo(ScenarioRunner.InterruptedExitCode), rest + child.StandardError.ReadToEnd());
        string checkpoint = Directory.GetFiles(interrupted, "ckpt-*.gnw").Single();
        Assert.That(File.Exists(RunCheckpoint.SidecarOf(checkpoint)), Is.True);
        Assert.That(rest, Does.Contain($"interrupted at tick"));

        var resumed = Start(dll, "resume", checkpoint, "--threads", "2");
        resumed.StandardOutput.ReadToEnd();
        resumed.WaitForExit();
        Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.StandardError.ReadToEnd());

        var uninterrupted = CliRun.Of("run", file, "--out", whole, "--threads", "2");
        Assert.That(uninterrupted.ExitCode, Is.EqualTo(0), uninterrupted.Error);
        RunnerScenarios.AssertSameOutputs(whole, interrupted);
    }

    /// <summary>A demo runs its scenario through the runner: SIGINT stops it after the tick, without a summary, exit 130.</summary>
    [Test]
    public void Sigint_stops_a_demo_with_exit_130_and_no_summary()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            Assert.Ignore("POSIX signals only.");
        string dll = Path.Combine(RunnerScenarios.RepositoryRoot(), "Cli", "bin", "Release", "net10.0", "grownet.dll");
        Assert.That(File.Exists(dll), Is.True, $"{dll} is built with the solution (Release).");
        // Long enough that the signal arrives mid-run: the region runs a few 10³ ticks/s.
        var child = Start(dll, "region-demo", "--ticks", "5000000");
        Assert.That(child.StandardOutput.ReadLine(), Does.StartWith("=== Region demo"));
        // The first printed row comes from inside the run, so the runner's signal handlers are in place.
        Assert.That(child.StandardOutput.ReadLine(), Does.StartWith("[step 200]"));
        Assert.That(Kill(child.Id, SignalInterrupt), Is.Zero, "kill(2) failed");
        string rest = child.StandardOutput.ReadToEnd();
        string error = child.StandardError.ReadToEnd();
        child.WaitForExit();
        Assert.That(child.ExitCode, Is.EqualTo(ScenarioRunner.InterruptedExitCode), rest + error);
        Assert.That(error, Does.Contain("interrupted at tick"));
        Assert.That(rest, Does.Not.Contain("Pruning summary"));
    }

    private const int SignalInterrupt = 2;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static Process Start(string dll, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (string arg in args)
            start.ArgumentList.Add(arg);
        return Process.Start(start)!;
    }
}
