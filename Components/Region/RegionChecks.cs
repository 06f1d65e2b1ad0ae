using System.Diagnostics.CodeAnalysis;

namespace GrowNet.Ecs.Components.Region;

/// <summary>Argument checks shared by the region configs and builders; each throws a message naming the problem.</summary>
public static class RegionChecks
{
    /// <summary>Throws unless <paramref name="value"/> is a finite number.</summary>
    public static void Finite(double value, string what)
    {
        if (!double.IsFinite(value))
            ThrowNotFinite(value, what);
    }

    /// <summary>Throws unless <paramref name="value"/> is a number in [0, 1].</summary>
    public static void Probability(double value, string what)
    {
        if (double.IsNaN(value) || value < 0 || value > 1)
            throw new ArgumentOutOfRangeException(what, value, $"{what} must be a probability in [0, 1].");
    }

    [DoesNotReturn]
    private static void ThrowNotFinite(double value, string what)
        => throw new ArgumentException($"{what} must be a finite number, not {value}.", what);
}
