namespace GrowNet.Ecs.Cli.Runner;

/// <summary>
/// What the run report derives from recordings beyond plotting them: growth and prune events from
/// the metrics, and which recorded frames of a 2D port it draws.
/// </summary>
public static class ReportStructure
{
    /// <summary>Cumulative event counters among the families' metrics: plotted as their increase per sample.</summary>
    private static readonly string[] Counters =
        ["grown_neurons", "grown_layers", "pruned_synapses", "pruned_edges", "pruned", "sprouted", "replaced", "commits", "displacements", "prunes", "splits"];

    /// <summary>Structure sizes among the families' metrics: a rise is growth, a fall pruning.</summary>
    private static readonly string[] Sizes = ["synapses", "total_synapses", "total_slots", "edges", "layers", "tracts", "nodes", "predictors"];

    /// <summary>
    /// The growth and prune events between consecutive samples of a metrics recording (its CSV
    /// header and columns, column 0 the tick): per event counter its increase (<c>+name</c>), per
    /// structure size its rise (<c>+name</c>) and its fall (<c>-name</c>); the first sample counts
    /// from 0. Metrics that never change are left out.
    /// </summary>
    public static List<(string Name, IReadOnlyList<double> Y)> Events(string[] header, double[][] columns)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(columns);
        var events = new List<(string, IReadOnlyList<double>)>();
        for (int c = 1; c < header.Length; c++)
        {
            bool counter = Array.IndexOf(Counters, header[c]) >= 0, size = Array.IndexOf(Sizes, header[c]) >= 0;
            if (!counter && !size)
                continue;
            var change = Differences(columns[c]);
            if (counter && change.Any(d => d != 0))
                events.Add(($"+{header[c]}", change));
            if (size && change.Skip(1).Any(d => d > 0))
                events.Add(($"+{header[c]}", [0, .. change.Skip(1).Select(d => Math.Max(0, d))]));
            if (size && change.Any(d => d < 0))
                events.Add(($"-{header[c]}", [.. change.Select(d => Math.Max(0, -d))]));
        }

        return events;
    }

    /// <summary>At most <paramref name="most"/> row indices out of <paramref name="rows"/>, evenly spaced, the first and the last included.</summary>
    public static int[] FrameRows(int rows, int most)
    {
        if (rows <= 0 || most <= 0)
            return [];
        if (rows <= most)
            return [.. Enumerable.Range(0, rows)];
        if (most == 1)
            return [rows - 1];
        return [.. Enumerable.Range(0, most).Select(i => (int)Math.Round((double)i * (rows - 1) / (most - 1))).Distinct()];
    }

    private static double[] Differences(double[] values)
    {
        var change = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
            change[i] = values[i] - (i == 0 ? 0 : values[i - 1]);
        return change;
    }
}
