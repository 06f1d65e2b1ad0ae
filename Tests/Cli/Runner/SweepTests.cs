using NUnit.Framework;
using GrowNet.Ecs.Cli;
using GrowNet.Ecs.Cli.Commands;
using GrowNet.Ecs.Cli.Runner;

namespace GrowNet.Ecs.Tests.Cli.Runner;

public sealed class SweepTests
{
    [Test]
    public void Combinations_are_the_product_of_the_values_and_seeds()
    {
        var plan = SweepPlan.Expand(["populations.p.density=0.02,0.05"], "3..4");
        Assert.That(plan.Select(c => c.Name), Is.EqualTo(new[] { "density-0.02_seed-3", "density-0.02_seed-4", "density-0.05_seed-3", "density-0.05_seed-4" }));
        Assert.That(plan[1].Sets, Is.EqualTo(new[] { "populations.p.density=0.02", "run.seed=4" }));
        Assert.Throws<CliUsageException>(() => SweepPlan.Expand([], "5..2"));
        Assert.Throws<CliUsageException>(() => SweepPlan.Expand(["nope"], null));
    }

    [Test]
    public void A_sweep_runs_child_processes_and_summarises_their_final_metrics()
    {
        using var temp = new TempDirectory();
        string file = temp.File("s.json");
        File.WriteAllText(file, RunnerScenarios.Small(temp.File("unused"), ticks: 50));
        string sweep = temp.File("sweep");
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] launcher = ["dotnet", typeof(Program).Assembly.Location];
        int code = SweepCommand.Run(file, ["populations.p.density=0.02,0.08"], "1..2", 2, sweep, launcher, new CliContext(output, error, interactive: false));
        Assert.That(code, Is.EqualTo(0), output + error.ToString());
        string[] lines = File.ReadAllLines(Path.Combine(sweep, "summary.csv"));
        Assert.That(lines[0], Does.StartWith("combination,populations.p.density,run.seed,exit,p.cells,p.synapses,"));
        Assert.That(lines, Has.Length.EqualTo(5));
        foreach (string line in lines.Skip(1))
        {
            string[] fields = line.Split(',');
            string final = Path.Combine(sweep, fields[0], "final-metrics.csv");
            string synapses = File.ReadLines(final).Single(l => l.StartsWith("p,synapses,", StringComparison.Ordinal)).Split(',')[2];
            Assert.That(fields[3], Is.EqualTo("0"));
            Assert.That(fields[5], Is.EqualTo(synapses));
        }

        Assert.That(lines[1].Split(',')[5], Is.Not.EqualTo(lines[3].Split(',')[5]), "density changes the synapse count");
    }

    [Test]
    public void A_sweep_of_an_invalid_combination_exits_2_before_running()
    {
        using var temp = new TempDirectory();
        string file = temp.File("s.json");
        File.WriteAllText(file, RunnerScenarios.Small(temp.File("unused")));
        var run = CliRun.Of("sweep", file, "--set", "populations.p.density=0.1,7", "--out", temp.File("sweep"));
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage));
        Assert.That(run.Error, Does.StartWith("error: $.populations.p.density:"));
        Assert.That(Directory.Exists(temp.File("sweep")), Is.False);
    }
}
