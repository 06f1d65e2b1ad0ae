using System.Text;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Engine.Models;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Pool;

namespace GrowNet.Ecs.Cli.Runner;

/// <summary>
/// The run report: one self-contained XHTML file (no scripts, fonts or external files) with an SVG
/// plot per recorded series, read back from the recording files: a sampled raster per spike
/// recording, one plot per metric of every metrics recording (rates, synapse, slot and edge counts,
/// thermal states, …) and the growth and prune events between its samples, system time per tick,
/// the mean of every port recording and, for ports that hold 2D frames, the frames as images, and
/// a weight histogram per pool.
/// </summary>
public static class HtmlReport
{
    /// <summary>At most this many spikes are drawn per raster (every k-th spike).</summary>
    public const int MaxRasterPoints = 4000;

    /// <summary>At most this many recorded frames of a 2D port are drawn (evenly spaced, the last one included).</summary>
    public const int MaxFrames = 4;

    /// <summary>Writes the report of a finished run to <paramref name="path"/>.</summary>
    public static void Write(string path, Scenario scenario, World world, IReadOnlyList<IRecorder> recorders)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(recorders);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/><title>grownet run report</title>");
        html.Append("<style>body{font-family:sans-serif;margin:16px;background:#fafafa}section{margin-bottom:16px}svg.plot{margin:4px;border:1px solid #ddd;background:#fff}</style></head><body>");
        html.Append($"<h1>grownet run report</h1><p>seed {scenario.Run.Seed}, world tick {world.Tick}, populations: {SvgPlot.Esc(string.Join(", ", scenario.Populations.Select(p => $"{p.Name} ({p.Value.Family})")))}</p>");
        foreach (var recorder in recorders)
            Section(html, recorder, world);
        html.Append("<section><h2>weights</h2>");
        foreach (var pool in NeuronPool.All(world))
            html.Append(WeightHistogram(pool));
        html.Append("</section></body></html>\n");
        File.WriteAllText(path, html.ToString(), new UTF8Encoding(false));
    }

    private static void Section(StringBuilder html, IRecorder recorder, World world)
    {
        var definition = recorder.Definition;
        html.Append($"<section class=\"recording\" id=\"{SvgPlot.Esc(recorder.Name)}\"><h2>{SvgPlot.Esc(recorder.Name)} ({definition.What.ToString().ToLowerInvariant()})</h2>");
        switch (definition.What)
        {
            case RecordingKind.Spikes:
                html.Append(Raster(recorder));
                break;
            case RecordingKind.Metrics:
                var (header, columns) = RecordingFiles.ReadCsv(recorder.FilePath);
                for (int c = 1; c < header.Length; c++)
                    html.Append(SvgPlot.Lines($"{definition.Population}: {header[c]}", "tick", header[c], columns[0], [(header[c], columns[c])]));
                if (ReportStructure.Events(header, columns) is { Count: > 0 } events)
                    html.Append(SvgPlot.Lines($"{definition.Population}: growth and prune events per sample", "tick", "events", columns[0], events));
                break;
            case RecordingKind.Timings:
                var (names, times) = RecordingFiles.ReadCsv(recorder.FilePath);
                var series = Enumerable.Range(1, names.Length - 1).Select(c => (names[c], (IReadOnlyList<double>)times[c])).ToList();
                html.Append(SvgPlot.Lines("time per tick by system", "tick", "µs per tick", times[0], series));
                break;
            case RecordingKind.Port:
                html.Append(PortMean(recorder, out var rows));
                if (FrameShapeOf(recorder, world) is { } shape && rows.Length > 0 && rows[0].Length == shape.Length)
                    html.Append(Frames(recorder, shape, rows));
                break;
        }

        html.Append("</section>");
    }

    private static string Raster(IRecorder recorder)
    {
        var spikes = RecordingFiles.ReadSpikes(recorder.FilePath);
        int step = Math.Max(1, (spikes.Length + MaxRasterPoints - 1) / MaxRasterPoints);
        var points = new List<(double, double)>();
        for (int i = 0; i < spikes.Length; i += step)
            points.Add((spikes[i].Tick, spikes[i].Cell));
        string sampled = step > 1 ? $" (every {step}th of {spikes.Length} spikes)" : $" ({spikes.Length} spikes)";
        return SvgPlot.Points($"{recorder.Definition.Population}/{recorder.Definition.PortName} raster{sampled}", "tick", "cell", points);
    }

    private static string PortMean(IRecorder recorder, out double[][] rows)
    {
        var definition = recorder.Definition;
        int width = (int)((new FileInfo(recorder.FilePath).Length - NpyFile.HeaderLength) / 8 / Math.Max(1, recorder.Position));
        rows = recorder.Position == 0 ? [] : RecordingFiles.ReadMatrix(recorder.FilePath, width);
        var x = Enumerable.Range(0, rows.Length).Select(i => (double)SampleTick(definition, i)).ToList();
        var mean = rows.Select(r => r.Average()).ToList();
        return SvgPlot.Lines($"{definition.Population}/{definition.PortName}: mean over [{definition.From}..{definition.From + width})", "tick", "mean value", x, [("mean", mean)]);
    }

    /// <summary>The tick of a recording's <paramref name="row"/>-th sample.</summary>
    private static long SampleTick(RecordingDefinition definition, int row) => (definition.Start >= 1 ? definition.Start : definition.Every) + (long)row * definition.Every;

    private static FrameShape? FrameShapeOf(IRecorder recorder, World world)
    {
        var definition = recorder.Definition;
        if (definition.From != 0 || definition.Population is not { } name || ModelFamilies.Catalog.Find(world, name) is not { } population)
            return null;
        int port = population.FindPort(definition.PortName);
        return port < 0 ? null : population.PortFrameShape(port);
    }

    private static string Frames(IRecorder recorder, FrameShape shape, double[][] rows)
    {
        var definition = recorder.Definition;
        var picked = ReportStructure.FrameRows(rows.Length, MaxFrames).Select(r => (SampleTick(definition, r), rows[r])).ToList();
        double min = picked.SelectMany(f => f.Item2).Where(double.IsFinite).DefaultIfEmpty(0).Min();
        double max = picked.SelectMany(f => f.Item2).Where(double.IsFinite).DefaultIfEmpty(1).Max();
        return SvgPlot.Frames($"{definition.Population}/{definition.PortName}: frames", shape.Rows, shape.Columns, picked, min, max);
    }

    private static string WeightHistogram(NeuronPool pool)
    {
        var edges = Enumerable.Range(0, 33).Select(i => -128.0 + 8 * i).ToList();
        var counts = new double[32];
        foreach (var synapse in pool.Synapses())
            counts[(synapse.Weight + 128) / 8]++;
        return SvgPlot.Bars($"{pool.Name}: synapse weights ({pool.SynapseCount} synapses)", "weight", "synapses", edges, counts);
    }
}
