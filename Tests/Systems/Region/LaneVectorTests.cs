using GrowNet.Ecs.Systems.Lanes;
using GrowNet.Ecs.Tests.Systems.Lanes;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Region;

using GrowNet.Ecs.Systems.Region;

/// <summary>
/// The region kernels' lane operations and the small kernels built on them, on every lane width,
/// against the scalar definitions bit for bit: NaN, ±∞, ±0 and ragged lengths included.
/// </summary>
public class LaneVectorTests
{
    private static readonly double[] Specials = [0.0, -0.0, 1.0, -1.0, 0.5, 1e-300, double.MaxValue, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 3.25, -7.5];

    private static double[] Values(int count, int seed)
    {
        var random = new Random(seed);
        var values = new double[count];
        for (int i = 0; i < count; i++)
            values[i] = i % 5 == 0 ? Specials[random.Next(Specials.Length)] : random.NextDouble() * 4 - 2;
        return values;
    }

    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);

    [TestCaseSource(typeof(LaneWidths), nameof(LaneWidths.All))]
    public void LaneOperations_MatchTheScalarOperations(int width) => LaneWidths.Run(width, new OperationsCheck());

    [TestCaseSource(typeof(LaneWidths), nameof(LaneWidths.All))]
    public void FrameScan_MatchesTheScalarRule(int width) => LaneWidths.Run(width, new FrameScanCheck());

    [TestCaseSource(typeof(LaneWidths), nameof(LaneWidths.All))]
    public void BinClassification_MatchesTheDefinition(int width) => LaneWidths.Run(width, new ClassifyCheck());

    [TestCaseSource(typeof(LaneWidths), nameof(LaneWidths.All))]
    public void SlotLookup_FindsEveryKey(int width) => LaneWidths.Run(width, new LookupCheck());

    private sealed class OperationsCheck : ILaneWidthCheck
    {
        public void Run<TLanes>() where TLanes : struct, ILaneVector<TLanes>
        {
            int n = TLanes.Count;
            for (int seed = 0; seed < 40; seed++)
            {
                double[] a = Values(n, seed), b = Values(n, seed + 1000);
                long[] ia = [.. a.Select(v => (long)(v * 1e6))], ib = [.. b.Select(v => (long)(v * 1e6))];
                int[] narrow = [.. ia.Select(v => (int)v)];
                TLanes x = TLanes.Load(ref a[0]), y = TLanes.Load(ref b[0]);
                TLanes p = TLanes.LoadInt64(ref ia[0]), q = TLanes.LoadInt64(ref ib[0]);
                Expect<TLanes>(TLanes.Add(x, y), i => a[i] + b[i]);
                Expect<TLanes>(TLanes.Subtract(x, y), i => a[i] - b[i]);
                Expect<TLanes>(TLanes.Multiply(x, y), i => a[i] * b[i]);
                Expect<TLanes>(TLanes.Abs(x), i => Math.Abs(a[i]));
                // Min and max clamp finite strengths: checked on finite, non-zero values.
                double[] fa = [.. a.Select(v => double.IsFinite(v) && v != 0 ? v : 0.25)];
                TLanes fx = TLanes.Load(ref fa[0]);
                Expect<TLanes>(TLanes.Min(fx, TLanes.Broadcast(1.0)), i => Math.Min(fa[i], 1.0));
                Expect<TLanes>(TLanes.Max(fx, TLanes.Broadcast(-1.0)), i => Math.Max(fa[i], -1.0));
                ExpectMask<TLanes>(TLanes.LessThan(x, y), i => a[i] < b[i]);
                ExpectMask<TLanes>(TLanes.GreaterThan(x, y), i => a[i] > b[i]);
                ExpectMask<TLanes>(TLanes.GreaterThanOrEqual(x, y), i => a[i] >= b[i]);
                ExpectMask<TLanes>(TLanes.LessThanInt64(p, q), i => ia[i] < ib[i]);
                ExpectMask<TLanes>(TLanes.GreaterThanInt64(p, q), i => ia[i] > ib[i]);
                ExpectMask<TLanes>(TLanes.EqualsInt64(p, p), _ => true);
                var mask = TLanes.LessThan(x, y);
                Expect<TLanes>(TLanes.Select(mask, x, y), i => a[i] < b[i] ? a[i] : b[i]);
                Assert.That(TLanes.AnySet(mask), Is.EqualTo(Enumerable.Range(0, n).Any(i => a[i] < b[i])));
                Assert.That(TLanes.AnySet(TLanes.Zero), Is.False);

                var store = new long[n];
                TLanes.StoreInt64(TLanes.SubtractInt64(p, mask), ref store[0]);
                Assert.That(store, Is.EqualTo(Enumerable.Range(0, n).Select(i => ia[i] + (a[i] < b[i] ? 1 : 0)).ToArray()));
                TLanes.StoreInt64(TLanes.LoadWidened(ref narrow[0]), ref store[0]);
                Assert.That(store, Is.EqualTo(narrow.Select(v => (long)v).ToArray()));
                var ints = new int[n + 1];
                ints[n] = 12345;
                TLanes.StoreNarrowed(TLanes.LoadWidened(ref narrow[0]), ref ints[0]);
                Assert.That(ints, Is.EqualTo(narrow.Append(12345).ToArray()), "narrowed store writes exactly Count ints");
            }
        }

        private static void Expect<TLanes>(TLanes value, Func<int, double> lane) where TLanes : struct, ILaneVector<TLanes>
        {
            var stored = new double[TLanes.Count];
            TLanes.Store(value, ref stored[0]);
            for (int i = 0; i < stored.Length; i++)
                Assert.That(Bits(stored[i]), Is.EqualTo(Bits(lane(i))), $"lane {i}");
        }

        private static void ExpectMask<TLanes>(TLanes mask, Func<int, bool> lane) where TLanes : struct, ILaneVector<TLanes>
        {
            uint expected = 0;
            for (int i = 0; i < TLanes.Count; i++)
                expected |= lane(i) ? 1u << i : 0;
            Assert.That(TLanes.MostSignificantBits(mask), Is.EqualTo(expected));
            var stored = new long[TLanes.Count];
            TLanes.StoreInt64(mask, ref stored[0]);
            Assert.That(stored, Is.EqualTo(Enumerable.Range(0, TLanes.Count).Select(i => lane(i) ? -1L : 0L).ToArray()));
        }
    }

    private sealed class FrameScanCheck : ILaneWidthCheck
    {
        public void Run<TLanes>() where TLanes : struct, ILaneVector<TLanes>
        {
            for (int length = 0; length < 40; length++)
            {
                var random = new Random(length);
                var pixels = new double[length];
                for (int i = 0; i < length; i++)
                    pixels[i] = random.NextDouble() * 0.04 - 0.02;
                Assert.That(FrameScan.CountFires<TLanes>(pixels, 1.5, 0.01), Is.EqualTo(Reference(pixels, 1.5, 0.01)), $"length {length}");
                if (length == 0)
                    continue;
                int bad = random.Next(length);
                foreach (double poison in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity })
                {
                    pixels[bad] = poison;
                    Assert.That(FrameScan.CountFires<TLanes>(pixels, 1.5, 0.01), Is.EqualTo(-1 - bad), $"length {length}, {poison} at {bad}");
                }
            }
        }

        private static long Reference(double[] pixels, double gain, double epsilon)
            => pixels.LongCount(v => Math.Abs(v * gain) >= epsilon);
    }

    private sealed class ClassifyCheck : ILaneWidthCheck
    {
        public void Run<TLanes>() where TLanes : struct, ILaneVector<TLanes>
        {
            var thresholds = new ScalarBinThresholds();
            thresholds.Prepare(4, 0.01, 10.0);
            for (int limit = 1; limit <= ScalarBinThresholds.MaxLimit; limit++)
            {
                double anchor = 0.3 - 0.05 * limit;
                var values = Values(37, limit);
                for (int i = 0; i < values.Length; i++)
                    values[i] = i % 5 == 0 ? values[i] : anchor + (values[i] * limit * 0.05);
                ref double row = ref thresholds.For(limit % 4, anchor, limit);
                var expected = new int[values.Length];
                ScalarBinThresholds.ClassifyScalar(values, anchor, ref row, limit, expected, 0);
                var vector = new int[values.Length];
                int done = ScalarBinThresholds.ClassifyCounting<TLanes>(values, anchor, ref row, limit, vector);
                ScalarBinThresholds.ClassifyScalar(values, anchor, ref row, limit, vector, done);
                Assert.That(done, Is.EqualTo(values.Length / TLanes.Count * TLanes.Count));
                Assert.That(vector, Is.EqualTo(expected), $"limit {limit}");
                var dispatched = new int[values.Length];
                ScalarBinThresholds.Classify(values, anchor, ref row, limit, dispatched);
                Assert.That(dispatched, Is.EqualTo(expected), $"limit {limit} (the machine's path)");
            }
        }
    }

    private sealed class LookupCheck : ILaneWidthCheck
    {
        public void Run<TLanes>() where TLanes : struct, ILaneVector<TLanes>
        {
            // Guard rows past the block keep the 16-wide loads inside the array, as in a slot table.
            var slots = new SlotColumns(64);
            for (int i = 0; i < 64; i++)
                slots.Key[i] = 1000 + 7 * i;
            for (int count = 0; count <= 40; count++)
            {
                for (int k = -1; k <= count; k++)
                {
                    long key = k < 0 ? 5 : 1000 + 7 * (3 + k);
                    int expected = k >= 0 && k < count ? 3 + k : -1;
                    Assert.That(SlotLookup.Find<TLanes>(slots, 3, count, key), Is.EqualTo(expected), $"count {count}, key {key}");
                }
            }
        }
    }
}
