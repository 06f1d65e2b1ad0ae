using System.Text.Json;
using System.Text.Json.Serialization;

namespace GrowNet.Ecs.Cli.Bench.Results;

/// <summary>Reads and writes <see cref="BenchReport"/> JSON files (camelCase, indented).</summary>
public static class BenchReportFile
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.Strict,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>The report as JSON text.</summary>
    public static string ToJson(BenchReport report) => JsonSerializer.Serialize(report, Options);

    /// <summary>Parses JSON text; <paramref name="origin"/> names it in error messages.</summary>
    /// <exception cref="BenchInputException">Not a bench report of this schema, or inconsistent.</exception>
    public static BenchReport FromJson(string json, string origin)
    {
        BenchReport? report;
        try
        {
            report = JsonSerializer.Deserialize<BenchReport>(json, Options);
        }
        catch (JsonException ex)
        {
            throw new BenchInputException($"'{origin}' is not a valid bench report: {ex.Message}", ex);
        }

        if (report is null)
            throw new BenchInputException($"'{origin}' is not a valid bench report: it is empty (null).");
        if (report.Schema != BenchReport.CurrentSchema)
            throw new BenchInputException($"'{origin}' has schema '{report.Schema}', this build reads '{BenchReport.CurrentSchema}'.");
        foreach (var workload in report.Workloads)
        {
            if (workload.SamplesNs is null || workload.ReferenceNs is null || workload.SamplesNs.Length == 0 ||
                workload.SamplesNs.Length != workload.ReferenceNs.Length)
                throw new BenchInputException($"'{origin}': workload '{workload.Name}' needs as many reference times as samples, and at least one.");
            if (workload.SamplesNs.Concat(workload.ReferenceNs).Any(v => !(v > 0) || double.IsInfinity(v)))
                throw new BenchInputException($"'{origin}': workload '{workload.Name}' has a time that is not a positive number.");
        }

        return report;
    }

    /// <summary>Writes <paramref name="report"/> to <paramref name="path"/>.</summary>
    public static void Write(BenchReport report, string path) => File.WriteAllText(path, ToJson(report) + "\n");

    /// <summary>Reads the report at <paramref name="path"/>.</summary>
    /// <exception cref="BenchInputException">Missing, unreadable or malformed file.</exception>
    public static BenchReport Read(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BenchInputException($"Cannot read bench report '{path}': {(ex is FileNotFoundException or DirectoryNotFoundException ? "no such file" : ex.Message)}.", ex);
        }

        return FromJson(json, path);
    }
}
