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
        var run = CliRun.Of("run", file);
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
        Assert.That(document.Descendants().Attributes().Where(a => a.Name.LocalName is "src" or "href"), Is.Empty);
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

    private static string Title(XElement plot) => Text(plot, "title");

    private static string Text(XElement plot, string cssClass)
        => plot.Elements(Svg + "text").Where(t => (string?)t.Attribute("class") == cssClass).Select(t => t.Value).SingleOrDefault() ?? "";
}
