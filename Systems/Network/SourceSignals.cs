using GrowNet.Ecs.Components.Network;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Network;

/// <summary>
/// The values of a source at one world tick (network.md, "Sources"). Random kinds draw from the
/// counter-based random keyed by (world seed, source, tick, element), so a resumed run draws the
/// same values whatever happened before.
/// </summary>
internal static class SourceSignals
{
    /// <summary>Random stream of sources; a source uses stream + its creation order.</summary>
    public const ulong Stream = 0x536F7572_63650000UL; // "Source\0\0"

    /// <summary>Poisson counts stop at this many events (only reachable by rounding in the CDF's tail).</summary>
    private const int MaxPoissonCount = 4096;

    /// <summary>Writes the source's values for world tick <paramref name="tick"/> into <paramref name="values"/>.</summary>
    public static void Compute(in SourceState source, ulong seed, ulong tick, ReadOnlySpan<double> frames, Span<double> values)
    {
        ulong key = CounterRandom.TickKey(seed, Stream + source.Order, tick);
        switch (source.Kind)
        {
            case SourceKind.Constant:
                values.Fill(source.P0);
                break;
            case SourceKind.Uniform:
                CounterRandom.FillDoubles(key, values);
                for (int i = 0; i < values.Length; i++)
                    values[i] = source.P0 + (source.P1 - source.P0) * values[i];
                break;
            case SourceKind.Normal:
                for (int i = 0; i < values.Length; i++)
                {
                    // Box–Muller of two draws of the element; 1 − u keeps the logarithm finite.
                    double u1 = 1.0 - CounterRandom.NextDoubleAt(key, 2 * (ulong)i);
                    double u2 = CounterRandom.NextDoubleAt(key, 2 * (ulong)i + 1);
                    values[i] = source.P0 + source.P1 * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
                }

                break;
            case SourceKind.PoissonSpike:
                CounterRandom.FillDoubles(key, values);
                for (int i = 0; i < values.Length; i++)
                    values[i] = values[i] < source.P0 ? source.P1 : 0.0;
                break;
            case SourceKind.PoissonCount:
                double limit = Math.Exp(-source.P0);
                CounterRandom.FillDoubles(key, values);
                for (int i = 0; i < values.Length; i++)
                    values[i] = source.P1 * PoissonCount(values[i], source.P0, limit);
                break;
            case SourceKind.Sine:
                values.Fill(source.P3 + source.P0 * Math.Sin(2.0 * Math.PI * tick / source.P1 + source.P2));
                break;
            case SourceKind.Square:
                double position = ((tick + source.P2) % source.P1 + source.P1) % source.P1;
                values.Fill(position < source.P1 / 2 ? source.P0 : source.P3);
                break;
            default: // sequence and file: the frame held at this tick
                long frame = (long)((tick - source.Start) / (ulong)source.Hold % (ulong)source.FrameCount);
                frames.Slice((int)(frame * values.Length), values.Length).CopyTo(values);
                break;
        }
    }

    /// <summary>Inversion of the Poisson CDF: the least k with F(k) ≥ u.</summary>
    private static int PoissonCount(double u, double mean, double probabilityOfZero)
    {
        double probability = probabilityOfZero, cumulative = probabilityOfZero;
        int k = 0;
        while (u > cumulative && k < MaxPoissonCount)
        {
            k++;
            probability *= mean / k;
            cumulative += probability;
        }

        return k;
    }
}
