using GrowNet.Ecs.Engine.Models;

namespace GrowNet.Ecs.Systems.Network;

/// <summary>Field checks shared by the network definitions.</summary>
internal static class NetworkChecks
{
    /// <summary>Throws when <paramref name="value"/> is NaN or infinite.</summary>
    public static void Finite(string field, double value)
    {
        if (!double.IsFinite(value))
            throw new ModelConfigException(field, $"is {value}; it must be a finite number.");
    }

    /// <summary>Throws unless the window [start, stop) is non-empty and every ≥ 1.</summary>
    public static void Schedule(ulong start, ulong stop, ulong every)
    {
        if (stop <= start)
            throw new ModelConfigException("stop", $"is {stop}; the window [start, stop) must hold at least one tick (start {start}).");
        if (every == 0)
            throw new ModelConfigException("every", "is 0; a schedule runs every K ≥ 1 ticks.");
    }

    /// <summary>Whether a schedule is active at world tick <paramref name="tick"/>.</summary>
    public static bool Active(ulong tick, ulong start, ulong stop, ulong every)
        => tick >= start && tick < stop && (tick - start) % every == 0;
}
