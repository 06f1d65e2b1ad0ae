using System.Globalization;
using System.Security;
using System.Text;

namespace GrowNet.Ecs.Cli.Runner;

/// <summary>
/// A small SVG plot writer (lines, points, bars) with a title, labelled axes and min/max tick
/// labels. Output is well-formed XML meant to be inlined in an HTML page; no scripts or fonts.
/// </summary>
public static class SvgPlot
{
    /// <summary>Plot width in pixels.</summary>
    public const int Width = 560;
    /// <summary>Plot height in pixels.</summary>
    public const int Height = 260;
    private const int Left = 64, Right = 16, Top = 28, Bottom = 44;
    private static readonly string[] Colors = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    /// <summary>A line plot of one or more named series over shared x values.</summary>
    public static string Lines(string title, string xLabel, string yLabel, IReadOnlyList<double> x, IReadOnlyList<(string Name, IReadOnlyList<double> Y)> series)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(series);
        var (yMin, yMax) = Bounds(series.SelectMany(s => s.Y));
        var (xMin, xMax) = Bounds(x);
        var svg = Begin(title, xLabel, yLabel, xMin, xMax, yMin, yMax);
        for (int s = 0; s < series.Count; s++)
        {
            var points = new StringBuilder();
            var y = series[s].Y;
            for (int i = 0; i < Math.Min(x.Count, y.Count); i++)
                points.Append(F(Px(x[i], xMin, xMax))).Append(',').Append(F(Py(y[i], yMin, yMax))).Append(' ');
            string color = Colors[s % Colors.Length];
            svg.Append($"<polyline class=\"series\" fill=\"none\" stroke=\"{color}\" stroke-width=\"1.5\" points=\"{points.ToString().TrimEnd()}\"><title>{Esc(series[s].Name)}</title></polyline>");
            if (series.Count > 1)
                svg.Append($"<text x=\"{Left + 8 + 90 * (s % 5)}\" y=\"{Top + 14 + 14 * (s / 5)}\" font-size=\"11\" fill=\"{color}\">{Esc(series[s].Name)}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>A scatter plot (a spike raster) of points.</summary>
    public static string Points(string title, string xLabel, string yLabel, IReadOnlyList<(double X, double Y)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var (xMin, xMax) = Bounds(points.Select(p => p.X));
        var (yMin, yMax) = Bounds(points.Select(p => p.Y));
        var svg = Begin(title, xLabel, yLabel, xMin, xMax, yMin, yMax);
        svg.Append("<g class=\"series\" fill=\"#1f77b4\">");
        foreach (var (px, py) in points)
            svg.Append($"<rect x=\"{F(Px(px, xMin, xMax))}\" y=\"{F(Py(py, yMin, yMax))}\" width=\"1.5\" height=\"1.5\"/>");
        return svg.Append("</g></svg>").ToString();
    }

    /// <summary>A bar plot (a histogram): bar i spans <c>[edges[i], edges[i+1])</c> with height <c>counts[i]</c>.</summary>
    public static string Bars(string title, string xLabel, string yLabel, IReadOnlyList<double> edges, IReadOnlyList<double> counts)
    {
        ArgumentNullException.ThrowIfNull(edges);
        ArgumentNullException.ThrowIfNull(counts);
        var (xMin, xMax) = Bounds(edges);
        var (_, yMax) = Bounds(counts);
        var svg = Begin(title, xLabel, yLabel, xMin, xMax, 0, yMax);
        svg.Append("<g class=\"series\" fill=\"#1f77b4\">");
        for (int i = 0; i < counts.Count; i++)
        {
            double x0 = Px(edges[i], xMin, xMax), x1 = Px(edges[i + 1], xMin, xMax), y = Py(counts[i], 0, yMax);
            svg.Append($"<rect x=\"{F(x0)}\" y=\"{F(y)}\" width=\"{F(Math.Max(0.5, x1 - x0 - 0.5))}\" height=\"{F(Height - Bottom - y)}\"/>");
        }

        return svg.Append("</g></svg>").ToString();
    }

    /// <summary>
    /// 2D frames side by side as grayscale images (embedded PNG <c>data:</c> URIs), each labelled
    /// with its tick, on one gray scale from <paramref name="min"/> (black) to <paramref name="max"/> (white).
    /// </summary>
    public static string Frames(string title, int rows, int columns, IReadOnlyList<(long Tick, double[] Values)> frames, double min, double max)
    {
        ArgumentNullException.ThrowIfNull(frames);
        const int gap = 12, labelHeight = 16;
        int size = Math.Clamp((Width - gap) / Math.Max(1, frames.Count) - gap, 32, 256);
        double scale = (double)size / Math.Max(rows, columns);
        int imageWidth = (int)Math.Round(columns * scale), imageHeight = (int)Math.Round(rows * scale);
        int width = Math.Max(Width, gap + frames.Count * (imageWidth + gap)), height = Top + imageHeight + labelHeight + Bottom;
        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" class=\"plot frames\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\">");
        svg.Append($"<rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>");
        svg.Append($"<text class=\"title\" x=\"{width / 2}\" y=\"18\" text-anchor=\"middle\" font-size=\"13\">{Esc(title)}</text>");
        for (int f = 0; f < frames.Count; f++)
        {
            int x = gap + f * (imageWidth + gap);
            string png = Convert.ToBase64String(PngImage.EncodeGray(columns, rows, PngImage.ToGray(frames[f].Values, min, max)));
            svg.Append($"<image class=\"frame\" x=\"{x}\" y=\"{Top}\" width=\"{imageWidth}\" height=\"{imageHeight}\" preserveAspectRatio=\"none\" style=\"image-rendering:pixelated\" xlink:href=\"data:image/png;base64,{png}\"/>");
            svg.Append($"<text class=\"x-label\" x=\"{x + imageWidth / 2}\" y=\"{Top + imageHeight + 13}\" text-anchor=\"middle\" font-size=\"11\">tick {frames[f].Tick}</text>");
        }

        svg.Append($"<text class=\"y-label\" x=\"{gap}\" y=\"{height - 12}\" font-size=\"11\">{rows} × {columns} pixels; black = {G(min)}, white = {G(max)}</text>");
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Escapes text for XML.</summary>
    public static string Esc(string text) => SecurityElement.Escape(text) ?? "";

    private static StringBuilder Begin(string title, string xLabel, string yLabel, double xMin, double xMax, double yMin, double yMax)
    {
        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\">");
        svg.Append($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"#ffffff\"/>");
        svg.Append($"<text class=\"title\" x=\"{Width / 2}\" y=\"18\" text-anchor=\"middle\" font-size=\"13\">{Esc(title)}</text>");
        svg.Append($"<rect x=\"{Left}\" y=\"{Top}\" width=\"{Width - Left - Right}\" height=\"{Height - Top - Bottom}\" fill=\"none\" stroke=\"#444\"/>");
        svg.Append($"<text class=\"x-label\" x=\"{(Left + Width - Right) / 2}\" y=\"{Height - 8}\" text-anchor=\"middle\" font-size=\"12\">{Esc(xLabel)}</text>");
        svg.Append($"<text class=\"y-label\" x=\"14\" y=\"{(Top + Height - Bottom) / 2}\" text-anchor=\"middle\" font-size=\"12\" transform=\"rotate(-90 14 {(Top + Height - Bottom) / 2})\">{Esc(yLabel)}</text>");
        svg.Append($"<text x=\"{Left}\" y=\"{Height - Bottom + 14}\" font-size=\"10\">{G(xMin)}</text>");
        svg.Append($"<text x=\"{Width - Right}\" y=\"{Height - Bottom + 14}\" font-size=\"10\" text-anchor=\"end\">{G(xMax)}</text>");
        svg.Append($"<text x=\"{Left - 4}\" y=\"{Height - Bottom}\" font-size=\"10\" text-anchor=\"end\">{G(yMin)}</text>");
        svg.Append($"<text x=\"{Left - 4}\" y=\"{Top + 10}\" font-size=\"10\" text-anchor=\"end\">{G(yMax)}</text>");
        return svg;
    }

    private static (double Min, double Max) Bounds(IEnumerable<double> values)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in values)
        {
            if (!double.IsFinite(v))
                continue;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        if (min > max)
            return (0, 1);
        return min == max ? (min - 0.5, max + 0.5) : (min, max);
    }

    private static double Px(double x, double min, double max) => Left + (x - min) / (max - min) * (Width - Left - Right);

    private static double Py(double y, double min, double max) => Height - Bottom - (y - min) / (max - min) * (Height - Top - Bottom);

    private static string F(double value) => double.IsFinite(value) ? value.ToString("0.#", CultureInfo.InvariantCulture) : "0";

    private static string G(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
