using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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

    /// <summary>
    /// <see cref="ToInt16(double)"/> of every value into <paramref name="destination"/> (as long
    /// as <paramref name="values"/>): the same shorts, eight at a time with AVX-512. A source
    /// driving a pool's current converts every cell every tick.
    /// </summary>
    public static void ToInt16(ReadOnlySpan<double> values, Span<short> destination)
    {
        if (destination.Length < values.Length)
            throw new ArgumentException($"Destination holds {destination.Length} elements; {values.Length} values were given.", nameof(destination));
        int i = 0;
        if (Avx512F.VL.IsSupported)
        {
            ref double source = ref MemoryMarshal.GetReference(values);
            ref short target = ref MemoryMarshal.GetReference(destination);
            for (; i + Vector512<double>.Count <= values.Length; i += Vector512<double>.Count)
                RoundSaturate16(Vector512.LoadUnsafe(ref source, (nuint)i)).StoreUnsafe(ref target, (nuint)i);
        }

        for (; i < values.Length; i++)
            destination[i] = ToInt16(values[i]);
    }

    /// <summary>
    /// Round half away from zero, then saturate to i16, for eight finite doubles. Values are first
    /// limited to ±40 000 (every value beyond saturates either way); then t = trunc(x) and
    /// f = x − t are exact, and |f| ≥ ½ moves t one step away from zero.
    /// </summary>
    private static Vector128<short> RoundSaturate16(Vector512<double> value)
    {
        var limited = Vector512.Min(Vector512.Max(value, Vector512.Create(-40000.0)), Vector512.Create(40000.0));
        var truncated = Avx512F.ConvertToVector512Double(Avx512F.ConvertToVector256Int32WithTruncation(limited));
        var fraction = limited - truncated;
        var one = Vector512.Create(1.0);
        var rounded = truncated + (Vector512.GreaterThanOrEqual(fraction, Vector512.Create(0.5)) & one)
                      - (Vector512.LessThanOrEqual(fraction, Vector512.Create(-0.5)) & one);
        var saturated = Vector512.Min(Vector512.Max(rounded, Vector512.Create((double)short.MinValue)), Vector512.Create((double)short.MaxValue));
        return Avx512F.VL.ConvertToVector128Int16(Avx512F.ConvertToVector256Int32WithTruncation(saturated));
    }

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
