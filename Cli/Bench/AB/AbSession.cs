using System.Globalization;
using GrowNet.Ecs.Cli.Bench.Comparing;
using GrowNet.Ecs.Cli.Bench.Results;
using GrowNet.Ecs.Cli.Bench.Running;

namespace GrowNet.Ecs.Cli.Bench.AB;

/// <summary>
/// An A/B run: for each workload, child processes of the other build (baseline, B) and of this
/// build (current, A) run alternately — B A B A … — each measuring one batch of that workload and
/// writing a JSON report; the rounds of each side are pooled and compared like a baseline file.
/// A workload that comes out slower or too noisy gets as many rounds again, and all rounds decide
/// (<see cref="BenchComparison"/>).
/// </summary>
public sealed class AbSession
{
    private readonly string selfDll;
    private readonly string otherDll;
    private readonly BenchSettings settings;
    private readonly int rounds;
    private readonly TextWriter log;
    private readonly string scratch;

    /// <summary>Creates a session.</summary>
    /// <param name="selfDll">This build's <c>grownet.dll</c> (the current side).</param>
    /// <param name="otherDll">The other build's <c>grownet.dll</c> (the baseline side).</param>
    /// <param name="settings">Samples and threads of each child batch.</param>
    /// <param name="rounds">Batches per side and workload.</param>
    /// <param name="log">Progress lines.</param>
    public AbSession(string selfDll, string otherDll, BenchSettings settings, int rounds, TextWriter log)
    {
        this.selfDll = selfDll;
        this.otherDll = otherDll;
        this.settings = settings;
        this.rounds = rounds;
        this.log = log;
        scratch = Path.Combine(Path.GetTempPath(), $"grownet-ab-runs-{Guid.NewGuid():N}");
    }

    /// <summary>Runs every workload A/B, compares, and returns the summary and the current side's pooled results.</summary>
    public (ComparisonSummary Summary, WorkloadResult[] Current) Run(IReadOnlyList<BenchWorkload> workloads, double threshold)
    {
        ArgumentNullException.ThrowIfNull(workloads);
        Directory.CreateDirectory(scratch);
        try
        {
            var baseline = new List<WorkloadResult>();
            var current = new List<WorkloadResult>();
            foreach (var workload in workloads)
            {
                var (b, a) = Measure(workload.Name);
                baseline.Add(b);
                current.Add(a);
            }

            var summary = BenchComparison.Compare(baseline, current, threshold, normalize: true, name =>
            {
                log.WriteLine($"  {name}: slower or too noisy; {rounds} more rounds to settle it");
                var (b, a) = Measure(name);
                return (b, a);
            }, pairedBatches: true);
            return (summary, [.. current]);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>Runs <see cref="rounds"/> rounds of one batch of one workload per side, the order alternating; returns the pooled (baseline, current).</summary>
    private (WorkloadResult Baseline, WorkloadResult Current) Measure(string name)
    {
        WorkloadResult? baseline = null, current = null;
        for (int round = 0; round < rounds; round++)
        {
            // The order alternates (B A, A B, …): a cost of running second — the previous child's
            // exit, the parent reading its report — falls on both sides alike.
            WorkloadResult a, b;
            if (round % 2 == 0)
            {
                b = Child(otherDll, name, $"b{round}");
                a = Child(selfDll, name, $"a{round}");
            }
            else
            {
                a = Child(selfDll, name, $"a{round}");
                b = Child(otherDll, name, $"b{round}");
            }

            baseline = baseline is null ? b : baseline.Append(b);
            current = current is null ? a : current.Append(a);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name} round {round + 1}/{rounds}: B {ComparisonTable.Time(Statistics.Quantiles.Median(b.SamplesNs))}, A {ComparisonTable.Time(Statistics.Quantiles.Median(a.SamplesNs))} per {a.Unit}"));
        }

        return (baseline!, current!);
    }

    private WorkloadResult Child(string dll, string name, string tag)
    {
        string json = Path.Combine(scratch, $"{name}-{tag}-{Guid.NewGuid():N}.json");
        var arguments = new List<string>
        {
            dll, "bench", "--filter", name, "--json", json,
            "--samples", settings.Samples.ToString(CultureInfo.InvariantCulture),
            "--threads", settings.Threads.ToString(CultureInfo.InvariantCulture),
        };
        if (settings.Quick)
            arguments.Add("--quick");
        var (code, output) = ProcessRunner.Run(ProcessRunner.DotnetHost(), arguments);
        if (code != 0 || !File.Exists(json))
            throw new BenchInputException($"--ab: the child run of '{name}' in {dll} failed (exit {code}): {ProcessRunner.LastLine(output)}");
        var report = BenchReportFile.Read(json);
        return report.Find(name) ?? throw new BenchInputException($"--ab: the child report of {dll} has no workload '{name}'.");
    }
}
