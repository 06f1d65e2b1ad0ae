using System.Globalization;

namespace GrowNet.Ecs.Cli;

/// <summary>
/// One <c>--drive FROM..TO=CURRENT</c> argument: cells FROM (inclusive) to TO (exclusive) receive
/// CURRENT as held external input on every tick. Parsing is strict: plain decimal digits for FROM
/// and TO, an optional leading minus for CURRENT, no spaces, FROM &lt; TO, CURRENT within i16.
/// </summary>
/// <param name="From">First driven cell (inclusive).</param>
/// <param name="To">End of the driven range (exclusive).</param>
/// <param name="Current">Input current given to each driven cell every tick.</param>
public readonly record struct DriveSpec(int From, int To, short Current)
{
    /// <summary>The syntax, for help and error messages.</summary>
    public const string Syntax = "FROM..TO=CURRENT";

    /// <summary>Number of driven cells.</summary>
    public int Count => To - From;

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">The text is not a valid drive; the message says why.</exception>
    public static DriveSpec Parse(string text)
        => TryParse(text, out var spec, out string? error) ? spec : throw new FormatException(error);

    /// <summary>Parses <paramref name="text"/>, returning false and a message naming the problem when it is not a valid drive.</summary>
    /// <param name="text">The argument, e.g. <c>0..8=10000</c>.</param>
    /// <param name="spec">The drive, when valid.</param>
    /// <param name="error">What is wrong, when invalid; otherwise null.</param>
    public static bool TryParse(string? text, out DriveSpec spec, out string? error)
    {
        spec = default;
        if (string.IsNullOrEmpty(text))
            return Fail($"Drive is empty; expected {Syntax} (e.g. 0..8=10000).", out error);

        int dots = text.IndexOf("..", StringComparison.Ordinal);
        int equals = text.IndexOf('=', StringComparison.Ordinal);
        if (dots < 0 || equals < 0 || equals < dots)
            return Fail($"Drive '{text}' is not of the form {Syntax} (e.g. 0..8=10000).", out error);

        string fromText = text[..dots];
        string toText = text[(dots + 2)..equals];
        string currentText = text[(equals + 1)..];
        if (!TryParseCell(fromText, out int from))
            return Fail($"Drive '{text}': FROM '{fromText}' is not a cell index (a non-negative integer).", out error);
        if (!TryParseCell(toText, out int to))
            return Fail($"Drive '{text}': TO '{toText}' is not a cell index (a non-negative integer).", out error);
        if (from >= to)
            return Fail($"Drive '{text}': FROM ({from}) must be less than TO ({to}); TO is exclusive.", out error);
        if (!TryParseCurrent(currentText, out short current, out bool outOfRange))
        {
            return Fail(outOfRange
                ? $"Drive '{text}': CURRENT {currentText} is outside the i16 range {short.MinValue}..{short.MaxValue}."
                : $"Drive '{text}': CURRENT '{currentText}' is not an integer.", out error);
        }

        spec = new DriveSpec(from, to, current);
        error = null;
        return true;
    }

    /// <summary>A message when the drive does not fit a pool of <paramref name="cells"/> cells (TO &gt; N); otherwise null.</summary>
    public string? CheckFits(int cells)
        => To > cells ? $"Drive {this}: TO ({To}) is beyond the pool's {cells} cells (TO must be at most N)." : null;

    /// <summary>The drive in its command-line syntax.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{From}..{To}={Current}");

    private static bool TryParseCell(string text, out int value)
    {
        value = 0;
        if (text.Length == 0 || !IsDigits(text))
            return false;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryParseCurrent(string text, out short value, out bool outOfRange)
    {
        value = 0;
        outOfRange = false;
        string digits = text.StartsWith('-') ? text[1..] : text;
        if (digits.Length == 0 || !IsDigits(digits))
            return false;
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long wide)
            || wide < short.MinValue || wide > short.MaxValue)
        {
            outOfRange = true;
            return false;
        }

        value = (short)wide;
        return true;
    }

    private static bool IsDigits(string text)
    {
        foreach (char c in text)
        {
            if (c is < '0' or > '9')
                return false;
        }

        return true;
    }

    private static bool Fail(string message, out string? error)
    {
        error = message;
        return false;
    }
}
