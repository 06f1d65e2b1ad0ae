using GrowNet.Ecs.Components.Network;
using GrowNet.Ecs.Engine.Models;

namespace GrowNet.Ecs.Systems.Network;

/// <summary>
/// The config record of a link (network.md, "Links"): read <see cref="From"/> (an output port
/// range), map, transform (bool → 0/1, optional EMA, gain and offset, optional clamp, conversion)
/// and write <see cref="To"/> (an input port range).
/// </summary>
public sealed record LinkDefinition
{
    /// <summary>Source address <c>population/port[from..to]</c> (an output).</summary>
    public required string From { get; init; }

    /// <summary>Target address <c>population/port[from..to]</c> (an input).</summary>
    public required string To { get; init; }

    /// <summary>Elementwise (equal lengths) or pool-then-broadcast.</summary>
    public LinkMap Map { get; init; } = LinkMap.Elementwise;

    /// <summary>Reduction of a pooling link.</summary>
    public Reduction Reduce { get; init; } = Reduction.Mean;

    /// <summary>
    /// Threshold step, or null for none: a mapped value above it becomes 1, any other 0 (after the
    /// bool → 0/1 conversion and the pooling, before the EMA) — e.g. "reward while the output is active".
    /// </summary>
    public double? Threshold { get; init; }

    /// <summary>EMA rate β in (0, 1], or null for none.</summary>
    public double? Ema { get; init; }

    /// <summary>Gain.</summary>
    public double Gain { get; init; } = 1;

    /// <summary>Offset.</summary>
    public double Offset { get; init; }

    /// <summary>Lower clamp bound, or null.</summary>
    public double? ClampMin { get; init; }

    /// <summary>Upper clamp bound, or null.</summary>
    public double? ClampMax { get; init; }

    /// <summary>Set or add.</summary>
    public WriteMode Write { get; init; } = WriteMode.Set;

    /// <summary>Checks the fields that do not depend on the ports.</summary>
    /// <exception cref="ModelConfigException">A field is invalid; the exception names it.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Map))
            throw new ModelConfigException("map", $"'{Map}' is not a link map.");
        if (!Enum.IsDefined(Reduce))
            throw new ModelConfigException("reduce", $"'{Reduce}' is not a reduction.");
        if (!Enum.IsDefined(Write))
            throw new ModelConfigException("write", $"'{Write}' is not a write mode.");
        if (Ema is { } rate && (!double.IsFinite(rate) || rate <= 0 || rate > 1))
            throw new ModelConfigException("ema", $"is {rate}; the EMA rate lies in (0, 1].");
        if (Threshold is { } threshold)
            NetworkChecks.Finite("threshold", threshold);
        NetworkChecks.Finite("gain", Gain);
        NetworkChecks.Finite("offset", Offset);
        if (ClampMin is { } min)
            NetworkChecks.Finite("clampMin", min);
        if (ClampMax is { } max)
            NetworkChecks.Finite("clampMax", max);
        if (ClampMin > ClampMax)
            throw new ModelConfigException("clampMin", $"is {ClampMin}, above clampMax {ClampMax}.");
    }
}
