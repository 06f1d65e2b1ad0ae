using System.Globalization;
using GrowNet.Ecs.Cli.Bench.AB;
using GrowNet.Ecs.Cli.Bench.Comparing;
using GrowNet.Ecs.Cli.Bench.Results;
using GrowNet.Ecs.Cli.Bench.Running;
using GrowNet.Ecs.Cli.Bench.Statistics;

namespace GrowNet.Ecs.Cli.Bench;

/// <summary>What <c>grownet bench</c> does with its options: list, measure, compare with a baseline, or A/B.</summary>
public static class BenchSession
{
    /// <summary>Runs the command; returns the exit code (<see cref="BenchExitCodes"/>).</summary>
    /// <exception cref="BenchInputException">Bad input: options, baseline file, filter, A/B target.</exception>
    public static int Run(BenchOptions options, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        var output = context.Output;
        Validate(options);
        var workloads = WorkloadFilter.Select(BenchWorkloads.All, options.Filter);
        if (options.List)
        {
            foreach (var workload in workloads)
                output.WriteLine($"{workload.Name,-22} {workload.OperationsPerIteration,4} {workload.Unit}(s)/iteration  {workload.Description}");
            return BenchExitCodes.NoRegression;
        }

        var baseline = options.ComparePath is { } path ? BenchReportFile.Read(path) : null;
        double threshold = options.ThresholdPercent / 100;
        var settings = BenchSettings.For(options.Quick, options.Threads, options.Samples);
        output.WriteLine($"# grownet bench: {workloads.Count} workloads, {settings.Samples} samples each, {settings.Threads} thread(s){(settings.Quick ? ", quick" : "")}");
        output.WriteLine($"# {MachineInfo.Capture().Describe()}; {RuntimeInfo.Capture().Framework}; commit {CommitInfo.Find().Commit}");
        if (options.AbTarget is { } other)
            return RunAb(other, workloads, settings, options, threshold, output);

        var runner = new BenchRunner(settings, output);
        var report = runner.RunAll(workloads);
        if (options.JsonPath is { } json)
        {
            BenchReportFile.Write(report, json);
            output.WriteLine($"Report: {json}");
        }

        if (baseline is null)
        {
            WriteMeasurements(report, output);
            return BenchExitCodes.NoRegression;
        }

        CheckComparable(baseline, report, output);
        var summary = BenchComparison.Compare(baseline.Workloads, report.Workloads, threshold, normalize: true, name =>
        {
            output.WriteLine($"  {name}: slower; re-running it to confirm");
            return (null, runner.Run(workloads.First(w => w.Name == name)));
        });
        output.WriteLine($"Baseline: {options.ComparePath} (commit {baseline.Commit.Commit}, {baseline.Machine.Describe()}, {baseline.CreatedUtc:u})");
        ComparisonTable.Write(summary, output);
        return summary.ExitCode;
    }

    private static int RunAb(string other, IReadOnlyList<BenchWorkload> workloads, BenchSettings settings, BenchOptions options, double threshold,
        TextWriter output)
    {
        using var target = AbTarget.Resolve(other, output);
        string self = typeof(BenchSession).Assembly.Location;
        int rounds = options.Rounds ?? (settings.Quick ? 8 : 10);
        output.WriteLine($"A/B: A = this build ({self}), B = {target.Description}; {rounds} alternating batches per side");
        var session = new AbSession(self, target.DllPath, settings, rounds, output);
        var (summary, current) = session.Run(workloads, threshold);
        if (options.JsonPath is { } json)
        {
            BenchReportFile.Write(new BenchReport
            {
                CreatedUtc = DateTimeOffset.UtcNow,
                Commit = CommitInfo.Find(),
                Machine = MachineInfo.Capture(),
                Runtime = RuntimeInfo.Capture(),
                Threads = settings.Threads,
                Quick = settings.Quick,
                ReferenceKernel = ReferenceKernel.Description,
                Clock = BenchClock.For(settings.Threads).Kind,
                Workloads = current,
            }, json);
            output.WriteLine($"Report (A side, pooled): {json}");
        }

        ComparisonTable.Write(summary, output);
        return summary.ExitCode;
    }

    private static void Validate(BenchOptions options)
    {
        if (options.ComparePath is not null && options.AbTarget is not null)
            throw new BenchInputException("Give --compare or --ab, not both.");
        if (options.Threads < 1)
            throw new BenchInputException($"--threads must be >= 1 (got {options.Threads}).");
        if (options.Samples is < WorkloadComparer.MinSamples)
            throw new BenchInputException($"--samples must be >= {WorkloadComparer.MinSamples} (got {options.Samples}).");
        if (options.Rounds is < 1)
            throw new BenchInputException($"--rounds must be >= 1 (got {options.Rounds}).");
        if (options.Rounds is not null && options.AbTarget is null)
            throw new BenchInputException("--rounds applies only to --ab.");
        if (options.JsonPath is { } json && Path.GetDirectoryName(Path.GetFullPath(json)) is { } folder && !Directory.Exists(folder))
            throw new BenchInputException($"--json: directory '{folder}' does not exist.");
    }

    private static void CheckComparable(BenchReport baseline, BenchReport current, TextWriter output)
    {
        if (baseline.ReferenceKernel != current.ReferenceKernel)
            throw new BenchInputException($"The baseline was measured with another reference kernel ('{baseline.ReferenceKernel}'); refresh it with this build.");
        if (baseline.Clock != current.Clock)
            throw new BenchInputException($"The baseline's samples were taken on the '{baseline.Clock}' clock, this run's on '{current.Clock}'; use the same --threads.");
        if (baseline.Threads != current.Threads)
            output.WriteLine($"warning: the baseline ran with {baseline.Threads} thread(s), this run with {current.Threads}.");
        if (baseline.Machine.ProcessorName != current.Machine.ProcessorName || baseline.Machine.ProcessorCount != current.Machine.ProcessorCount)
            output.WriteLine("warning: the baseline comes from another kind of machine; the reference kernel absorbs speed, not every difference.");
    }

    private static void WriteMeasurements(BenchReport report, TextWriter output)
    {
        output.WriteLine("| workload | median | q1 | q3 | reference median | samples |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var w in report.Workloads)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {w.Name} | {ComparisonTable.Time(Quantiles.Median(w.SamplesNs))}/{w.Unit} | {ComparisonTable.Time(Quantiles.Quantile(w.SamplesNs, 0.25))} | " +
                $"{ComparisonTable.Time(Quantiles.Quantile(w.SamplesNs, 0.75))} | {ComparisonTable.Time(Quantiles.Median(w.ReferenceNs))} | {w.SamplesNs.Length} |"));
        }
    }
}
