using GrowNet.Ecs.Systems.Lanes;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Lanes;

/// <summary>A double-lane kernel check (the graph's tanh) written once and run per width.</summary>
internal interface IFloat64WidthCheck
{
    /// <summary>Runs the check with lanes <typeparamref name="TLanes"/>.</summary>
    void Run<TLanes>() where TLanes : struct, IFloat64Lanes<TLanes>;
}

/// <summary>
/// Runs a check on one of the double-lane widths (512, 256, 128 bits: <see cref="LaneWidths"/>,
/// with the same reporting of widths this machine does not accelerate; or 64: the scalar struct
/// <see cref="LaneScalar"/>).
/// </summary>
internal static class Float64Widths
{
    public static readonly int[] All = [.. LaneWidths.All, 64];

    public static void Run(int width, IFloat64WidthCheck check)
    {
        if (width == 64)
            check.Run<LaneScalar>();
        else
            LaneWidths.Run(width, new AsLaneWidthCheck(check));
    }

    /// <summary>Every lane vector width is a double-lane width too.</summary>
    private sealed class AsLaneWidthCheck(IFloat64WidthCheck check) : ILaneWidthCheck
    {
        public void Run<TLanes>() where TLanes : struct, ILaneVector<TLanes> => check.Run<TLanes>();
    }
}
