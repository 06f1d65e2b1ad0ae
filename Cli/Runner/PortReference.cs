using System.Globalization;

namespace GrowNet.Ecs.Cli.Runner;

/// <summary>A port address <c>population/port[from..to]</c> (network.md, "Ports"); no range = the whole port.</summary>
/// <param name="Population">Population name.</param>
/// <param name="Port">Port name.</param>
/// <param name="From">First element (inclusive).</param>
/// <param name="To">End (exclusive), or null for the port's length.</param>
public readonly record struct PortReference(string Population, string Port, int From, int? To)
{
    /// <summary>Parses an address; on failure <paramref name="problem"/> says why.</summary>
    public static bool TryParse(string? text, out PortReference reference, out string? problem)
    {
        reference = default;
        problem = null;
        int slash = text?.IndexOf('/') ?? -1;
        if (text is null || slash <= 0 || slash == text.Length - 1)
        {
            problem = $"'{text}' is not a port address; write population/port or population/port[from..to].";
            return false;
        }

        string population = text[..slash], port = text[(slash + 1)..];
        int from = 0;
        int? to = null;
        int open = port.IndexOf('[');
        if (open >= 0)
        {
            string range = port[(open + 1)..];
            int dots = range.IndexOf("..", StringComparison.Ordinal);
            if (!range.EndsWith(']') || dots < 0
                || !int.TryParse(range[..dots], NumberStyles.None, CultureInfo.InvariantCulture, out from)
                || !int.TryParse(range[(dots + 2)..^1], NumberStyles.None, CultureInfo.InvariantCulture, out int end) || end <= from)
            {
                problem = $"'{text}' has a bad range; write [from..to] with 0 <= from < to.";
                return false;
            }

            to = end;
            port = port[..open];
        }

        if (port.Length == 0)
        {
            problem = $"'{text}' names no port.";
            return false;
        }

        reference = new PortReference(population, port, from, to);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => To is { } to ? $"{Population}/{Port}[{From}..{to}]" : $"{Population}/{Port}";
}
