using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// The region's random draws: one counter-based stream per region (keyed by the world seed and
/// the region entity), consumed in a fixed order by ConnectLayers and by autowiring. The
/// position reached is <see cref="Components.Region.RegionState.WiringDraws"/>, so draws continue
/// identically after a save and load, on any thread count.
/// </summary>
public static class RegionRandom
{
    /// <summary>Base stream id of region wiring ("regn").</summary>
    public const ulong WiringStreamBase = 0x7265_676E_0000_0000UL;

    /// <summary>The stream id of <paramref name="region"/>'s wiring draws.</summary>
    public static ulong WiringStreamId(Entity region) => WiringStreamBase + (uint)region.Index;

    /// <summary>The wiring stream of <paramref name="region"/> positioned at draw <paramref name="position"/>.</summary>
    public static RandomStream Wiring(World world, Entity region, ulong position)
    {
        ArgumentNullException.ThrowIfNull(world);
        return new RandomStream(world.Seed, WiringStreamId(region), 0, position);
    }
}
