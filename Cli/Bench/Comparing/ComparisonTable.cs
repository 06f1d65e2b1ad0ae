using System.Globalization;

namespace GrowNet.Ecs.Cli.Bench.Comparing;

/// <summary>Prints a <see cref="ComparisonSummary"/> as a Markdown table and its closing lines.</summary>
public static class ComparisonTable
{
    /// <summary>Writes the table, the geometric mean and the outcome to <paramref name="output"/>.</summary>
    public static void Write(ComparisonSummary summary, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(summary.Normalized
            ? "Ratio = current / baseline of CPU time per operation, adjusted by the reference kernel (slope beta); raw = unadjusted; wall = wall-clock time."
            : "Ratio = current / baseline of CPU time per operation (unadjusted); wall = wall-clock time.");
        output.WriteLine("| workload | baseline | current | ratio [95 % CI] | raw | wall | beta | p(slower) | p(equiv.) | split | n | verdict |");
        output.WriteLine("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var row in summary.Rows)
        {
            var c = row.Shown;
            output.WriteLine(Format(
                $"| {c.Name} | {Time(c.BaselineMedianNs)}/{c.Unit} | {Time(c.CurrentMedianNs)}/{c.Unit} | {c.Ratio:F3} [{c.RatioLower:F3}, {c.RatioUpper:F3}] | {c.RawRatio:F3} | {c.WallRatio:F2} | {c.Beta:F2} | {c.PSlower:F3} | {c.PEquivalence:F3} | {c.SplitDisagreement * 100:F1} % | {c.BaselineCount}/{c.CurrentCount} | {row.Label} |"));
        }

        foreach (string name in summary.NotInBaseline)
            output.WriteLine($"| {name} | - | measured | - | - | - | - | - | - | - | - | not in baseline |");
        output.WriteLine(Format($"Geometric mean of the ratios over {summary.Rows.Count} workloads: {summary.GeometricMeanRatio:F3}"));
        output.WriteLine(summary.ExitCode switch
        {
            BenchExitCodes.Regression => Format($"Result: regression beyond {summary.Threshold * 100:F0} % in {string.Join(", ", summary.Rows.Where(r => r.IsRegression).Select(r => r.First.Name))} (exit 1)."),
            BenchExitCodes.Inconclusive => Format($"Result: too noisy to say for {string.Join(", ", summary.Rows.Where(r => r.Final == Verdict.Noisy).Select(r => r.First.Name).DefaultIfEmpty("(nothing compared)"))} (exit 2)."),
            _ => Format($"Result: no regression beyond {summary.Threshold * 100:F0} % (exit 0)."),
        });
    }

    /// <summary>A time in ns as ns, µs, ms or s with three significant figures.</summary>
    public static string Time(double nanoseconds) => nanoseconds switch
    {
        < 1e3 => Format($"{nanoseconds:F0} ns"),
        < 1e6 => Format($"{nanoseconds / 1e3:G3} µs"),
        < 1e9 => Format($"{nanoseconds / 1e6:G3} ms"),
        _ => Format($"{nanoseconds / 1e9:G3} s"),
    };

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
