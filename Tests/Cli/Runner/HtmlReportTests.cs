using NUnit.Framework;
using System.Xml;
using System.Xml.Linq;
using GrowNet.Ecs.Cli.Runner;

namespace GrowNet.Ecs.Tests.Cli.Runner;

public sealed class HtmlReportTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly XNamespace Html = "http://www.w3.org/1999/xhtml";

    private static XDocument Report(TempDirectory temp, out string dir)
    {
        dir = temp.File("o");
        string file = temp.File("s.json");
        File.WriteAllText(file, RunnerScenarios.Small(dir, extra: ", \"report\": \"report.html\""));
        return RunAndLoadReport(dir, "run", file);
    }

    /// <summary>Runs grownet with <paramref name="args"/> (which must succeed) and loads <c>DIR/report.html</c> as XML.</summary>
    private static XDocument RunAndLoadReport(string dir, params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        using var reader = XmlReader.Create(Path.Combine(dir, "report.html"), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }

    [Test]
    public void The_report_is_well_formed_and_self_contained()
    {
        using var temp = new TempDirectory();
        var document = Report(temp, out _);
        Assert.That(document.Descendants(Html + "script"), Is.Empty);
        Assert.That(document.Descendants(Html + "link"), Is.Empty);
        // The only references are the frames' embedded PNGs (data: URIs); nothing outside the file.
        Assert.That(document.Descendants().Attributes().Where(a => a.Name.LocalName is "src" or "href" && !a.Value.StartsWith("data:image/png;base64,", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void There_is_one_plot_per_metric_and_every_plot_has_axis_labels()
    {
        using var temp = new TempDirectory();
        var document = Report(temp, out string dir);
        var plots = document.Descendants(Svg + "svg").ToList();
        var (header, _) = RecordingFiles.ReadCsv(Path.Combine(dir, "metrics.csv"));
        var metricPlots = document.Descendants(Html + "section").Single(s => (string?)s.Attribute("id") == "metrics").Descendants(Svg + "svg").ToList();
        Assert.That(metricPlots.Select(Title), Is.EqualTo(header.Skip(1).Select(m => $"p: {m}")));
        // raster + metrics + trace mean + timings + one weight histogram
        Assert.That(plots, Has.Count.EqualTo(1 + (header.Length - 1) + 1 + 1 + 1));
        foreach (var plot in plots)
        {
            Assert.That(Text(plot, "x-label"), Is.Not.Empty, Title(plot));
            Assert.That(Text(plot, "y-label"), Is.Not.Empty, Title(plot));
        }
    }

    [Test]
    public void Plots_show_the_recorded_data()
    {
        using var temp = new TempDirectory();
        var document = Report(temp, out string dir);
        var spikes = RecordingFiles.ReadSpikes(Path.Combine(dir, "raster.npy"));
        var raster = document.Descendants(Html + "section").Single(s => (string?)s.Attribute("id") == "raster").Descendants(Svg + "svg").Single();
        int step = Math.Max(1, (spikes.Length + HtmlReport.MaxRasterPoints - 1) / HtmlReport.MaxRasterPoints);
        Assert.That(raster.Descendants(Svg + "g").Single().Elements(Svg + "rect").Count(), Is.EqualTo((spikes.Length + step - 1) / step));
        var (header, columns) = RecordingFiles.ReadCsv(Path.Combine(dir, "metrics.csv"));
        var synapses = document.Descendants(Svg + "svg").Single(p => Title(p) == "p: synapses");
        var line = synapses.Descendants(Svg + "polyline").Single();
        Assert.That(((string)line.Attribute("points")!).Split(' '), Has.Length.EqualTo(columns[0].Length));
        Assert.That(Text(synapses, "y-label"), Is.EqualTo("synapses"));
        Assert.That(header, Does.Contain("synapses"));
    }

    private const string ChainRecordings =
        "{\"frame\": {\"what\": \"port\", \"population\": \"retina\", \"port\": \"L1.frame\", \"every\": 5}, " +
        "\"retina-metrics\": {\"what\": \"metrics\", \"population\": \"retina\", \"every\": 5}}";

    private static XDocument ChainReport(TempDirectory temp, out string dir)
    {
        dir = temp.File("chain");
        string scenario = Path.Combine(RunnerScenarios.RepositoryRoot(), "scenarios", "chain.json");
        return RunAndLoadReport(dir, "run", scenario, "--ticks", "60", "--out", dir, "--set", $"recordings={ChainRecordings}", "--set", "report=\"report.html\"");
    }

    [Test]
    public void A_2D_port_recording_is_drawn_as_its_frames_and_the_images_hold_the_recorded_values()
    {
        using var temp = new TempDirectory();
        var document = ChainReport(temp, out string dir);
        var section = document.Descendants(Html + "section").Single(s => (string?)s.Attribute("id") == "frame");
        var frames = section.Descendants(Svg + "svg").Single(p => Title(p) == "retina/L1.frame: frames");
        var images = frames.Elements(Svg + "image").ToList();
        var rows = RecordingFiles.ReadMatrix(Path.Combine(dir, "frame.npy"), 64);
        Assert.That(rows, Has.Length.EqualTo(12));
        Assert.That(images, Has.Count.EqualTo(HtmlReport.MaxFrames));
        Assert.That(frames.Elements(Svg + "text").Where(t => (string?)t.Attribute("class") == "x-label").Select(t => t.Value),
            Is.EqualTo(new[] { "tick 5", "tick 25", "tick 40", "tick 60" }));
        int[] picked = ReportStructure.FrameRows(rows.Length, HtmlReport.MaxFrames);
        double min = picked.SelectMany(r => rows[r]).Min(), max = picked.SelectMany(r => rows[r]).Max();
        Assert.That(max, Is.GreaterThan(min), "the chain's frames must not be blank");
        for (int i = 0; i < images.Count; i++)
        {
            string uri = (string)images[i].Attribute(XName.Get("href", "http://www.w3.org/1999/xlink"))!;
            var png = Convert.FromBase64String(uri["data:image/png;base64,".Length..]);
            var decoded = GrowNet.Ecs.Systems.Network.PngFrames.Read(png, 64, "frame").Single();
            var expected = rows[picked[i]].Select(v => Math.Round((v - min) * 255 / (max - min)) / 255).ToArray();
            Assert.That(decoded, Is.EqualTo(expected).Within(1e-12), $"frame {i}");
        }
    }

    [Test]
    public void Metrics_with_growth_get_a_growth_and_prune_events_plot_matching_the_recording()
    {
        using var temp = new TempDirectory();
        string dir = temp.File("growth");
        string scenario = Path.Combine(RunnerScenarios.RepositoryRoot(), "scenarios", "growth.json");
        var document = RunAndLoadReport(dir, "run", scenario, "--ticks", "40", "--out", dir, "--set",
            "recordings={\"m\": {\"what\": \"metrics\", \"population\": \"growth\", \"every\": 4}}", "--set", "report=\"report.html\"");
        var (header, columns) = RecordingFiles.ReadCsv(Path.Combine(dir, "m.csv"));
        var events = ReportStructure.Events(header, columns);
        Assert.That(events.Select(e => e.Name), Is.EqualTo(new[] { "+total_slots", "+total_synapses", "+grown_neurons" }), "the growth demo grows slots, synapses and a neuron");
        var plot = document.Descendants(Svg + "svg").Single(p => Title(p) == "growth: growth and prune events per sample");
        var lines = plot.Descendants(Svg + "polyline").ToList();
        Assert.That(lines.Select(l => l.Element(Svg + "title")!.Value), Is.EqualTo(events.Select(e => e.Name)));
        Assert.That(lines.Select(l => ((string)l.Attribute("points")!).Split(' ').Length), Is.All.EqualTo(columns[0].Length));
        Assert.That(Text(plot, "x-label"), Is.EqualTo("tick"));
        Assert.That(Text(plot, "y-label"), Is.EqualTo("events"));
    }

    [Test]
    public void Events_are_counter_increases_and_the_rises_and_falls_of_structure_sizes()
    {
        string[] header = ["tick", "synapses", "commits", "spikes", "edges"];
        double[][] columns = [[1, 2, 3, 4], [100, 90, 95, 95], [0, 2, 2, 5], [7, 1, 9, 3], [8, 8, 8, 8]];
        var events = ReportStructure.Events(header, columns);
        Assert.That(events.Select(e => e.Name), Is.EqualTo(new[] { "+synapses", "-synapses", "+commits" }));
        Assert.That(events[0].Y, Is.EqualTo(new double[] { 0, 0, 5, 0 }));
        Assert.That(events[1].Y, Is.EqualTo(new double[] { 0, 10, 0, 0 }));
        Assert.That(events[2].Y, Is.EqualTo(new double[] { 0, 2, 0, 3 }));
    }

    [TestCase(0, 4, new int[0])]
    [TestCase(3, 4, new[] { 0, 1, 2 })]
    [TestCase(12, 4, new[] { 0, 4, 7, 11 })]
    [TestCase(12, 1, new[] { 11 })]
    public void Frame_rows_are_evenly_spaced_with_the_first_and_last(int rows, int most, int[] expected)
        => Assert.That(ReportStructure.FrameRows(rows, most), Is.EqualTo(expected));

    [Test]
    public void Png_images_decode_to_their_pixels()
    {
        byte[] gray = [.. Enumerable.Range(0, 12).Select(i => (byte)(i * 20))];
        var decoded = GrowNet.Ecs.Systems.Network.PngFrames.Read(PngImage.EncodeGray(4, 3, gray), 12, "t").Single();
        Assert.That(decoded, Is.EqualTo(gray.Select(g => g / 255.0).ToArray()).Within(1e-12));
        Assert.That(() => PngImage.EncodeGray(4, 4, gray), Throws.ArgumentException);
    }

    private static string Title(XElement plot) => Text(plot, "title");

    private static string Text(XElement plot, string cssClass)
        => plot.Elements(Svg + "text").Where(t => (string?)t.Attribute("class") == cssClass).Select(t => t.Value).SingleOrDefault() ?? "";
}
