namespace GrowNet.Ecs.Engine.Models;

/// <summary>
/// The conversions of network.md from a link's double value to a port's element type: to an
/// integer type, round half away from zero, then saturate; to float, round to nearest; to bool,
/// non-zero. One place, so every family's ports convert alike.
/// </summary>
public static class PortValues
{
    /// <summary>To i16: round half away from zero, then saturate.</summary>
    public static short ToInt16(double value) => (short)Math.Clamp(Math.Round(value, MidpointRounding.AwayFromZero), short.MinValue, short.MaxValue);

    /// <summary>To i8: round half away from zero, then saturate.</summary>
    public static sbyte ToInt8(double value) => (sbyte)Math.Clamp(Math.Round(value, MidpointRounding.AwayFromZero), sbyte.MinValue, sbyte.MaxValue);

    /// <summary>To i32: round half away from zero, then saturate.</summary>
    public static int ToInt32(double value) => (int)Math.Clamp(Math.Round(value, MidpointRounding.AwayFromZero), int.MinValue, int.MaxValue);

    /// <summary>To float: round to nearest.</summary>
    public static float ToFloat32(double value) => (float)value;

    /// <summary>To bool: any non-zero value is true.</summary>
    public static bool ToBool(double value) => value != 0;

    /// <summary>A bool read as a number: 1 or 0.</summary>
    public static double FromBool(bool value) => value ? 1.0 : 0.0;

    /// <summary>Throws when any value is NaN or infinite (the port and element are named).</summary>
    /// <exception cref="ArgumentException">A value is not finite.</exception>
    public static void ThrowIfNotFinite(ReadOnlySpan<double> values, string population, string port)
    {
        for (int i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i]))
                ThrowNotFinite(values[i], i, population, port);
    }

    private static void ThrowNotFinite(double value, int index, string population, string port)
        => throw new ArgumentException($"Port '{population}/{port}': value {index} is {value}; port values must be finite.", nameof(value));
}
