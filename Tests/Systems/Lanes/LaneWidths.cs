using GrowNet.Ecs.Systems.Lanes;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Lanes;

/// <summary>A kernel check written once and run per lane width.</summary>
internal interface ILaneWidthCheck
{
    /// <summary>Runs the check with lane width <typeparamref name="TLanes"/>.</summary>
    void Run<TLanes>() where TLanes : struct, ILaneVector<TLanes>;
}

/// <summary>
/// Runs a check on one of the lane vector widths (512, 256, 128 bits). A width this
/// machine (or the current <c>DOTNET_Enable*</c> setting) does not accelerate is reported as
/// ignored, not passed: CI's reruns with AVX-512 and AVX2 switched off see which widths ran.
/// </summary>
internal static class LaneWidths
{
    public static readonly int[] All = [512, 256, 128];

    public static void Run(int width, ILaneWidthCheck check)
    {
        bool accelerated = width switch
        {
            512 => LaneVector512.IsHardwareAccelerated,
            256 => LaneVector256.IsHardwareAccelerated,
            128 => LaneVector128.IsHardwareAccelerated,
            _ => throw new ArgumentOutOfRangeException(nameof(width), width, "Lane widths are 512, 256 and 128."),
        };
        if (!accelerated)
            Assert.Ignore($"Vector{width} is not accelerated here.");
        switch (width)
        {
            case 512:
                check.Run<LaneVector512>();
                break;
            case 256:
                check.Run<LaneVector256>();
                break;
            default:
                check.Run<LaneVector128>();
                break;
        }
    }
}
