using System.Globalization;

namespace GrowNet.Ecs.Systems.Network;

/// <summary>
/// A port address as network.md writes it: <c>population/port[from..to]</c> (elements
/// <c>from</c> inclusive to <c>to</c> exclusive; no range = the whole port).
/// </summary>
/// <param name="Population">Population name.</param>
/// <param name="Port">Port name.</param>
/// <param name="From">First element, or null for the whole port.</param>
/// <param name="To">End element (exclusive), or null for the whole port.</param>
public readonly record struct PortAddress(string Population, string Port, int? From = null, int? To = null)
{
    /// <summary>Parses <c>population/port</c> or <c>population/port[from..to]</c>.</summary>
    /// <exception cref="FormatException">The text is not a port address (the message shows it).</exception>
    public static PortAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int slash = text.LastIndexOf('/');
        if (slash <= 0 || slash == text.Length - 1)
            throw new FormatException($"'{text}' is not a port address; write population/port or population/port[from..to].");
        string population = text[..slash];
        string port = text[(slash + 1)..];
        int bracket = port.IndexOf('[');
        if (bracket < 0)
            return new PortAddress(population, port);
        int dots = port.IndexOf("..", bracket, StringComparison.Ordinal);
        if (bracket == 0 || !port.EndsWith(']') || dots < 0
            || !int.TryParse(port.AsSpan(bracket + 1, dots - bracket - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int from)
            || !int.TryParse(port.AsSpan(dots + 2, port.Length - dots - 3), NumberStyles.None, CultureInfo.InvariantCulture, out int to))
            throw new FormatException($"'{text}' has a bad range; write population/port[from..to] with from and to non-negative integers.");
        return new PortAddress(population, port[..bracket], from, to);
    }

    /// <inheritdoc />
    public override string ToString() => From is null ? $"{Population}/{Port}" : $"{Population}/{Port}[{From}..{To}]";
}
