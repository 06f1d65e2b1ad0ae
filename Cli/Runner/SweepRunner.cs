using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace GrowNet.Ecs.Cli.Runner;

/// <summary>
/// Runs a sweep's combinations as independent child processes (<c>grownet run FILE --set … --out
/// DIR/&lt;combination&gt;</c>, at most <c>jobs</c> at a time; each one's output goes to its
/// <c>run.log</c>), then writes <c>DIR/summary.csv</c>: one row per combination with its overrides,
/// exit code and final metrics (<c>population.metric</c> columns from its <c>final-metrics.csv</c>).
/// </summary>
public static class SweepRunner
{
    /// <summary>The command that starts this <c>grownet</c> again: the executable, or <c>dotnet grownet.dll</c>.</summary>
    public static string[] CurrentLauncher()
    {
        string process = Environment.ProcessPath ?? "dotnet";
        string name = Path.GetFileNameWithoutExtension(process);
        return name == "dotnet" ? [process, typeof(SweepRunner).Assembly.Location] : [process];
    }

    /// <summary>Runs every combination and writes the summary; returns the number of failed runs.</summary>
    public static int Run(string scenarioPath, IReadOnlyList<SweepCombination> combinations, string outputDir, int jobs, IReadOnlyList<string> launcher, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(combinations);
        ArgumentNullException.ThrowIfNull(launcher);
        ArgumentNullException.ThrowIfNull(log);
        Directory.CreateDirectory(outputDir);
        var exitCodes = new int[combinations.Count];
        var gate = new object();
        Parallel.For(0, combinations.Count, new ParallelOptions { MaxDegreeOfParallelism = jobs }, i =>
        {
            string folder = Path.Combine(outputDir, combinations[i].Name);
            exitCodes[i] = RunOne(scenarioPath, combinations[i], folder, launcher);
            lock (gate)
                log.WriteLine($"{combinations[i].Name}: exit {exitCodes[i]}");
        });
        WriteSummary(Path.Combine(outputDir, "summary.csv"), combinations, exitCodes, outputDir);
        return exitCodes.Count(code => code != 0);
    }

    private static int RunOne(string scenarioPath, SweepCombination combination, string folder, IReadOnlyList<string> launcher)
    {
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo(launcher[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in launcher.Skip(1).Concat(["run", Path.GetFullPath(scenarioPath), "--out", folder]))
            start.ArgumentList.Add(arg);
        foreach (string set in combination.Sets)
        {
            start.ArgumentList.Add("--set");
            start.ArgumentList.Add(set);
        }

        using var process = Process.Start(start) ?? throw new IOException($"Could not start '{launcher[0]}'.");
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        File.WriteAllText(Path.Combine(folder, "run.log"), stdout + stderr.Result);
        return process.ExitCode;
    }

    private static void WriteSummary(string path, IReadOnlyList<SweepCombination> combinations, int[] exitCodes, string outputDir)
    {
        var columns = new List<string>();
        var rows = new List<Dictionary<string, string>>();
        foreach (var combination in combinations)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            string final = Path.Combine(outputDir, combination.Name, ScenarioRunner.FinalMetricsStem + ".csv");
            if (File.Exists(final))
            {
                foreach (string line in File.ReadLines(final).Skip(1))
                {
                    string[] fields = line.Split(',');
                    string key = $"{fields[0]}.{fields[1]}";
                    if (!columns.Contains(key))
                        columns.Add(key);
                    values[key] = fields[2];
                }
            }

            rows.Add(values);
        }

        var paths = combinations.Count == 0 ? [] : combinations[0].Sets.Select(s => s[..s.IndexOf('=')]).ToList();
        var csv = new StringBuilder("combination," + string.Join(',', paths.Concat(["exit"]).Concat(columns)) + "\n");
        for (int i = 0; i < combinations.Count; i++)
        {
            var fields = new List<string> { combinations[i].Name };
            fields.AddRange(combinations[i].Sets.Select(s => Quote(s[(s.IndexOf('=') + 1)..])));
            fields.Add(exitCodes[i].ToString(CultureInfo.InvariantCulture));
            fields.AddRange(columns.Select(c => rows[i].GetValueOrDefault(c, "")));
            csv.Append(string.Join(',', fields)).Append('\n');
        }

        File.WriteAllText(path, csv.ToString());
    }

    private static string Quote(string value) => value.Contains(',') || value.Contains('"') ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}
