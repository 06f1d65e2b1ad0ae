using GrowNet.Ecs.Components.Network;
using GrowNet.Ecs.Engine.Models;

namespace GrowNet.Ecs.Systems.Network;

/// <summary>
/// The config record of a source (network.md, "Sources"): a generated signal written to
/// <see cref="Target"/> every active tick, in the Input phase before links. Build one with the
/// factory methods; <see cref="Start"/>, <see cref="Stop"/> and <see cref="Every"/> set its schedule.
/// </summary>
public sealed record SourceDefinition : IPopulationDefinition
{
    /// <inheritdoc />
    public string Family => NetworkFamily.FamilyName;

    /// <summary>Target address <c>population/port[from..to]</c> (an input).</summary>
    public required string Target { get; init; }

    /// <summary>The signal.</summary>
    public SourceKind Kind { get; init; }

    /// <summary>Parameters by kind (see <see cref="SourceKind"/>).</summary>
    public double P0 { get; init; }
    /// <summary>Second parameter.</summary>
    public double P1 { get; init; }
    /// <summary>Third parameter.</summary>
    public double P2 { get; init; }
    /// <summary>Fourth parameter.</summary>
    public double P3 { get; init; }

    /// <summary>Frames of a sequence, each as long as the target range.</summary>
    public IReadOnlyList<double[]> Frames { get; init; } = [];

    /// <summary>Ticks each frame is held (sequence and file sources).</summary>
    public int Hold { get; init; } = 1;

    /// <summary>File of a file source (CSV, PGM or PNG).</summary>
    public string? Path { get; init; }

    /// <summary>CSV column (0-based) of a CSV file source.</summary>
    public int Column { get; init; }

    /// <summary>First active world tick.</summary>
    public ulong Start { get; init; }

    /// <summary>First world tick no longer active.</summary>
    public ulong Stop { get; init; } = ulong.MaxValue;

    /// <summary>Active every this many ticks from <see cref="Start"/>.</summary>
    public ulong Every { get; init; } = 1;

    /// <summary>Set or add.</summary>
    public WriteMode Write { get; init; } = WriteMode.Set;

    /// <summary>The same value every tick.</summary>
    public static SourceDefinition Constant(string target, double value) => new() { Target = target, Kind = SourceKind.Constant, P0 = value };

    /// <summary>Uniform in [low, high).</summary>
    public static SourceDefinition Uniform(string target, double low, double high) => new() { Target = target, Kind = SourceKind.Uniform, P0 = low, P1 = high };

    /// <summary>Normal(mean, sd).</summary>
    public static SourceDefinition Normal(string target, double mean, double sd) => new() { Target = target, Kind = SourceKind.Normal, P0 = mean, P1 = sd };

    /// <summary>Poisson spikes (1 when the draw is below <paramref name="rate"/>) or, with <paramref name="count"/>, Poisson counts of mean <paramref name="rate"/>.</summary>
    public static SourceDefinition Poisson(string target, double rate, bool count = false, double scale = 1)
        => new() { Target = target, Kind = count ? SourceKind.PoissonCount : SourceKind.PoissonSpike, P0 = rate, P1 = scale };

    /// <summary><c>offset + amplitude · sin(2π t / period + phase)</c>.</summary>
    public static SourceDefinition Sine(string target, double amplitude, double period, double phase = 0, double offset = 0)
        => new() { Target = target, Kind = SourceKind.Sine, P0 = amplitude, P1 = period, P2 = phase, P3 = offset };

    /// <summary><paramref name="high"/> in the first half of each period (shifted by <paramref name="phase"/> ticks), else <paramref name="low"/>.</summary>
    public static SourceDefinition Square(string target, double high, double period, double phase = 0, double low = 0)
        => new() { Target = target, Kind = SourceKind.Square, P0 = high, P1 = period, P2 = phase, P3 = low };

    /// <summary>Frames held <paramref name="hold"/> ticks each, repeating.</summary>
    public static SourceDefinition Sequence(string target, IReadOnlyList<double[]> frames, int hold = 1)
        => new() { Target = target, Kind = SourceKind.Sequence, Frames = frames, Hold = hold };

    /// <summary>A CSV column (one value per line, broadcast to the target range) or a PGM or PNG image sequence (one image per frame).</summary>
    public static SourceDefinition File(string target, string path, int hold = 1, int column = 0)
        => new() { Target = target, Kind = SourceKind.File, Path = path, Hold = hold, Column = column };

    /// <inheritdoc />
    public void Validate()
    {
        if (!Enum.IsDefined(Kind))
            throw new ModelConfigException("kind", $"'{Kind}' is not a source kind.");
        if (!Enum.IsDefined(Write))
            throw new ModelConfigException("write", $"'{Write}' is not a write mode.");
        NetworkChecks.Finite("p0", P0);
        NetworkChecks.Finite("p1", P1);
        NetworkChecks.Finite("p2", P2);
        NetworkChecks.Finite("p3", P3);
        NetworkChecks.Schedule(Start, Stop, Every);
        if (Hold < 1)
            throw new ModelConfigException("hold", $"is {Hold}; a frame is held at least 1 tick.");
        switch (Kind)
        {
            case SourceKind.Uniform when P1 < P0:
                throw new ModelConfigException("p1", $"is {P1}; uniform(lo, hi) needs hi ≥ lo ({P0}).");
            case SourceKind.Normal when P1 < 0:
                throw new ModelConfigException("p1", $"is {P1}; a standard deviation is ≥ 0.");
            case SourceKind.PoissonSpike when P0 is < 0 or > 1:
                throw new ModelConfigException("p0", $"is {P0}; a spike probability per tick lies in [0, 1].");
            case SourceKind.PoissonCount when P0 is < 0 or > 500:
                throw new ModelConfigException("p0", $"is {P0}; a Poisson mean lies in [0, 500].");
            case SourceKind.Sine or SourceKind.Square when P1 <= 0:
                throw new ModelConfigException("p1", $"is {P1}; a period is > 0 ticks.");
            case SourceKind.Sequence when Frames.Count == 0:
                throw new ModelConfigException("frames", "is empty; a sequence needs at least one frame.");
            case SourceKind.File when string.IsNullOrWhiteSpace(Path):
                throw new ModelConfigException("path", "is empty; a file source needs a file.");
        }

        for (int f = 0; f < Frames.Count; f++)
            foreach (double value in Frames[f] ?? throw new ModelConfigException($"frames[{f}]", "is null."))
                NetworkChecks.Finite($"frames[{f}]", value);
    }
}
