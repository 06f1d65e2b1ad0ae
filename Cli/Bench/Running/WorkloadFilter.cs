using System.Text.RegularExpressions;

namespace GrowNet.Ecs.Cli.Bench.Running;

/// <summary>
/// <c>--filter</c>: comma-separated glob patterns (<c>*</c> any run of characters, <c>?</c> one),
/// each matching whole workload names, case-insensitive. No filter selects every workload.
/// </summary>
public static class WorkloadFilter
{
    /// <summary>The workloads of <paramref name="all"/> that <paramref name="filter"/> selects, in registry order.</summary>
    /// <exception cref="BenchInputException">The filter is blank or selects nothing.</exception>
    public static IReadOnlyList<BenchWorkload> Select(IReadOnlyList<BenchWorkload> all, string? filter)
    {
        ArgumentNullException.ThrowIfNull(all);
        if (filter is null)
            return all;
        var patterns = filter.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (patterns.Length == 0)
            throw new BenchInputException("--filter is empty; give a workload name or a pattern such as 'pool-*'.");
        var regexes = patterns.Select(ToRegex).ToArray();
        var selected = all.Where(w => regexes.Any(r => r.IsMatch(w.Name))).ToList();
        if (selected.Count == 0)
            throw new BenchInputException($"--filter '{filter}' matches no workload (known: {string.Join(", ", all.Select(w => w.Name))}).");
        return selected;
    }

    /// <summary>Whether the glob <paramref name="pattern"/> matches the whole of <paramref name="name"/>.</summary>
    public static bool Matches(string pattern, string name) => ToRegex(pattern).IsMatch(name);

    private static Regex ToRegex(string pattern)
        => new("^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
