using GrowNet.Ecs.Systems.Graph;
using GrowNet.Ecs.Systems.Lanes;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Lanes;

/// <summary>A graph kernel check written once and run per double-lane width.</summary>
internal interface IFloat64WidthCheck
{
    /// <summary>Runs the check with lanes <typeparamref name="TLanes"/>.</summary>
    void Run<TLanes>() where TLanes : struct, IFloat64Lanes<TLanes>;
}

/// <summary>
/// Runs a check on one of the graph kernels' double-lane widths (512, 256, 128 bits, or 64: the
/// scalar struct). A width this machine (or the current <c>DOTNET_Enable*</c> setting) does not
/// accelerate is reported as ignored, not passed.
/// </summary>
internal static class Float64Widths
{
    public static readonly int[] All = [512, 256, 128, 64];

    public static void Run(int width, IFloat64WidthCheck check)
    {
        bool accelerated = width switch
        {
            512 => LaneVector512.IsHardwareAccelerated,
            256 => LaneVector256.IsHardwareAccelerated,
            128 => LaneVector128.IsHardwareAccelerated,
            64 => true,
            _ => throw new ArgumentOutOfRangeException(nameof(width), width, "Widths are 512, 256, 128 and 64."),
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
            case 128:
                check.Run<LaneVector128>();
                break;
            default:
                check.Run<LaneScalar>();
                break;
        }
    }
}
