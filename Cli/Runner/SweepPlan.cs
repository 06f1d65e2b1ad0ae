using System.Globalization;

namespace GrowNet.Ecs.Cli.Runner;

/// <summary>
/// The combinations of a sweep: the cartesian product of every <c>--set PATH=v1,v2,…</c> list and
/// the seeds (<c>--seeds A..B</c>), in order (first option slowest, seeds fastest). Each combination
/// has a folder name built from the last key of each path and its value (<c>density-0.05_seed-3</c>).
/// </summary>
public static class SweepPlan
{
    /// <summary>Expands the options into combinations.</summary>
    /// <exception cref="CliUsageException">An option is malformed.</exception>
    public static IReadOnlyList<SweepCombination> Expand(IReadOnlyList<string> sets, string? seeds)
    {
        ArgumentNullException.ThrowIfNull(sets);
        var axes = new List<(string Path, string[] Values)>();
        foreach (string set in sets)
        {
            int eq = set.IndexOf('=');
            if (eq <= 0 || eq == set.Length - 1)
                throw new CliUsageException($"--set '{set}': write PATH=v1,v2,… (e.g. populations.cortex.density=0.02,0.05).");
            axes.Add((set[..eq], set[(eq + 1)..].Split(',')));
        }

        if (seeds is not null)
            axes.Add(("run.seed", SeedRange(seeds)));
        var combinations = new List<SweepCombination> { new SweepCombination("", []) };
        foreach (var (path, values) in axes)
        {
            string key = path[(path.LastIndexOf('.') + 1)..];
            combinations = combinations.SelectMany(c => values.Select(v => new SweepCombination(
                (c.Name.Length > 0 ? c.Name + "_" : "") + Safe($"{key}-{v}"), [.. c.Sets, $"{path}={v}"]))).ToList();
        }

        if (combinations.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count() != combinations.Count)
            throw new CliUsageException("Two combinations get the same folder name; give the swept values distinct names.");
        return combinations;
    }

    /// <summary>The seeds of <c>A..B</c> (inclusive).</summary>
    /// <exception cref="CliUsageException">The range is malformed or empty.</exception>
    public static string[] SeedRange(string range)
    {
        ArgumentNullException.ThrowIfNull(range);
        int dots = range.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0 || !ulong.TryParse(range[..dots], NumberStyles.None, CultureInfo.InvariantCulture, out ulong from)
            || !ulong.TryParse(range[(dots + 2)..], NumberStyles.None, CultureInfo.InvariantCulture, out ulong to) || to < from || to - from >= 10_000)
            throw new CliUsageException($"--seeds '{range}': write A..B with A <= B (inclusive, at most 10000 seeds).");
        var seeds = new string[to - from + 1];
        for (ulong s = from; s <= to; s++)
            seeds[s - from] = s.ToString(CultureInfo.InvariantCulture);
        return seeds;
    }

    private static string Safe(string name) => string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '_'));
}
