using GrowNet.Ecs.Components.Network;
using GrowNet.Ecs.Engine.Models;

namespace GrowNet.Ecs.Systems.Network;

/// <summary>The arithmetic of links and modulators (network.md): reductions, conversions, staged writes.</summary>
internal static class PortMath
{
    /// <summary>Pools <paramref name="values"/> in ascending element order.</summary>
    public static double Reduce(ReadOnlySpan<double> values, Reduction reduction)
    {
        switch (reduction)
        {
            case Reduction.Count:
                int count = 0;
                foreach (double value in values)
                    count += value != 0 ? 1 : 0;
                return count;
            case Reduction.Max:
                double max = double.NegativeInfinity;
                foreach (double value in values)
                    max = Math.Max(max, value);
                return values.IsEmpty ? 0 : max;
            default:
                double sum = 0;
                foreach (double value in values)
                    sum += value;
                return reduction == Reduction.Mean && !values.IsEmpty ? sum / values.Length : sum;
        }
    }

    /// <summary>The value a port of element type <paramref name="element"/> stores for <paramref name="value"/>.</summary>
    public static double Convert(PortElement element, double value) => element switch
    {
        PortElement.Bool => PortValues.ToBool(value) ? 1 : 0,
        PortElement.Int8 => PortValues.ToInt8(value),
        PortElement.Int16 => PortValues.ToInt16(value),
        PortElement.Int32 => PortValues.ToInt32(value),
        PortElement.Float32 => PortValues.ToFloat32(value),
        _ => value,
    };

    /// <summary>A neuromodulator level: rounded half away from zero, clamped to 0..255 (NaN counts as 0).</summary>
    public static byte Level(double value)
        => double.IsNaN(value) ? (byte)0 : (byte)Math.Clamp(Math.Round(value, MidpointRounding.AwayFromZero), 0, 255);

    /// <summary>
    /// Writes <paramref name="values"/> to the port range: <see cref="WriteMode.Set"/> replaces what is
    /// staged, <see cref="WriteMode.Add"/> adds each converted value to it (then converts again, so
    /// integer ports saturate). <paramref name="scratch"/> holds at least the range length.
    /// </summary>
    public static void Write(Population population, in PortRef port, ReadOnlySpan<double> values, WriteMode mode, Span<double> scratch)
    {
        if (mode == WriteMode.Set)
        {
            population.WritePort(port.Port, port.Start, values);
            return;
        }

        var element = population.Port(port.Port).Element;
        var staged = scratch[..values.Length];
        population.ReadPort(port.Port, port.Start, staged);
        for (int i = 0; i < staged.Length; i++)
            staged[i] += Convert(element, values[i]);
        population.WritePort(port.Port, port.Start, staged);
    }
}
