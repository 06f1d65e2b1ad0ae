using System.Text.Json.Serialization;
using GrowNet.Ecs.Engine.Models;

namespace GrowNet.Ecs.Cli.Runner;

/// <summary>
/// One entry of the scenario's <c>recordings</c> map: what to record, from which population and
/// port range, every how many ticks, inside which tick window. A sample is taken after tick t
/// (t = the world tick after the step) when <c>start ≤ t</c>, <c>t &lt; stop</c> (if set) and
/// <c>(t − start) % every == 0</c>.
/// </summary>
public sealed record RecordingDefinition
{
    /// <summary>What the recording captures.</summary>
    public RecordingKind What { get; init; } = RecordingKind.Spikes;

    /// <summary>The population (every kind but <see cref="RecordingKind.Timings"/>).</summary>
    public string? Population { get; init; }

    /// <summary>The port (<see cref="RecordingKind.Spikes"/> default <c>spikes</c>; required for <see cref="RecordingKind.Port"/>).</summary>
    public string? Port { get; init; }

    /// <summary>First element of the port range (inclusive).</summary>
    public int From { get; init; }

    /// <summary>End of the port range (exclusive); null = the port's length at the start of the run.</summary>
    public int? To { get; init; }

    /// <summary>Sample every this many ticks (≥ 1).</summary>
    public int Every { get; init; } = 1;

    /// <summary>First tick of the window.</summary>
    public long Start { get; init; }

    /// <summary>End of the window (exclusive); null = no end.</summary>
    public long? Stop { get; init; }

    /// <summary>The port a spikes or port recording reads.</summary>
    [JsonIgnore]
    public string PortName => Port ?? "spikes";

    /// <summary>Checks the fields that do not need the world.</summary>
    /// <exception cref="ModelConfigException">A field is invalid.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(What))
            throw new ModelConfigException("what", $"'{What}' is not a recording kind.");
        if (What != RecordingKind.Timings && string.IsNullOrWhiteSpace(Population))
            throw new ModelConfigException("population", $"is required for a {What.ToString().ToLowerInvariant()} recording.");
        if (What == RecordingKind.Port && string.IsNullOrWhiteSpace(Port))
            throw new ModelConfigException("port", "is required for a port recording.");
        if (From < 0)
            throw new ModelConfigException("from", $"is {From}; it must be >= 0.");
        if (To is { } to && to <= From)
            throw new ModelConfigException("to", $"is {to}; it must be greater than from ({From}).");
        if (Every < 1)
            throw new ModelConfigException("every", $"is {Every}; it must be >= 1.");
        if (Start < 0)
            throw new ModelConfigException("start", $"is {Start}; it must be >= 0.");
        if (Stop is { } stop && stop <= Start)
            throw new ModelConfigException("stop", $"is {stop}; it must be greater than start ({Start}).");
    }

    /// <summary>Whether a sample is due after tick <paramref name="tick"/>.</summary>
    public bool IsDue(long tick) => tick >= Start && (Stop is not { } stop || tick < stop) && (tick - Start) % Every == 0;
}
