using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Systems.Lanes;
using GrowNet.Ecs.Tests.Systems.Lanes;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Region;

using GrowNet.Ecs.Systems.Region;

/// <summary>
/// grownet.md "Weight": the lane form of the weight rule (<see cref="GateLanes{TLanes}"/>) on every
/// lane width against <see cref="WeightRule"/>, bit for bit, including the clamp at ±1 (strengths
/// that cross it, sit on it, and NaN / ±∞) and the rate and threshold update of a capped weight.
/// </summary>
public class GateLanesTests
{
    private static readonly double[] Strengths =
        [-1.5, -1.0, -0.99, -0.5, -0.0, 0.0, 0.3, 0.95, 0.97, 1.0, 1.2, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1e-300, -0.96];

    [TestCaseSource(typeof(LaneWidths), nameof(LaneWidths.All))]
    public void Reinforced_MatchesTheRuleAtAndAcrossTheClamp(int width) => LaneWidths.Run(width, new ReinforceCheck());

    [TestCaseSource(typeof(LaneWidths), nameof(LaneWidths.All))]
    public void Advance_MatchesTheRuleOfACappedWeight(int width) => LaneWidths.Run(width, new AdvanceCheck());

    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);

    private sealed class ReinforceCheck : ILaneWidthCheck
    {
        public void Run<TLanes>() where TLanes : struct, ILaneVector<TLanes>
        {
            int n = TLanes.Count;
            foreach (double step in new[] { 0.07, -0.07, 0.0, 2.5 })
            {
                var weight = WeightConfig.Default with { Step = step, HitSaturation = 3 };
                var rule = new GateLanes<TLanes>(new GateContext(weight, 0.9, 0.2, 1));
                for (int at = 0; at + n <= Strengths.Length; at += n)
                {
                    double[] strength = Strengths[at..(at + n)];
                    long[] hits = [.. Enumerable.Range(0, n).Select(i => (long)(i % 5))];
                    var s = TLanes.Load(ref strength[0]);
                    var h = TLanes.LoadInt64(ref hits[0]);
                    var below = rule.BelowCap(h);
                    var actual = new double[n];
                    TLanes.Store(rule.Reinforced(s, below), ref actual[0]);
                    for (int i = 0; i < n; i++)
                    {
                        double expected = strength[i];
                        int expectedHits = (int)hits[i];
                        WeightRule.Reinforce(ref expected, ref expectedHits, (byte)WeightFlags.Imprinted, 0.9, 0.2, weight);
                        Assert.That(Bits(actual[i]), Is.EqualTo(Bits(expected)), $"step {step}, strength {strength[i]}, hits {hits[i]}");
                    }
                }
            }
        }
    }

    private sealed class AdvanceCheck : ILaneWidthCheck
    {
        public void Run<TLanes>() where TLanes : struct, ILaneVector<TLanes>
        {
            int n = TLanes.Count;
            var weight = WeightConfig.Default;
            var rule = new GateLanes<TLanes>(new GateContext(weight, 1.0, 0.0, 1));
            var random = new Random(5);
            double[] strength = [.. Enumerable.Range(0, n).Select(_ => random.NextDouble() * 0.4)];
            double[] threshold = [.. Enumerable.Range(0, n).Select(_ => random.NextDouble() * 0.4)];
            double[] ema = [.. Enumerable.Range(0, n).Select(_ => random.NextDouble() * 0.1)];
            double[] expectedThreshold = [.. threshold], expectedEma = [.. ema];
            TLanes t = TLanes.Load(ref threshold[0]), r = TLanes.Load(ref ema[0]);
            for (int fire = 0; fire < 300; fire++)
            {
                uint fired = TLanes.MostSignificantBits(rule.Advance(TLanes.Load(ref strength[0]), ref t, ref r));
                for (int i = 0; i < n; i++)
                {
                    byte flags = (byte)WeightFlags.Imprinted;
                    bool expected = WeightRule.UpdateThreshold(strength[i], ref expectedThreshold[i], ref expectedEma[i], ref flags, 0.5, weight);
                    Assert.That((fired >> i & 1) != 0, Is.EqualTo(expected), $"fire {fire}, lane {i}");
                }
            }

            TLanes.Store(t, ref threshold[0]);
            TLanes.Store(r, ref ema[0]);
            Assert.That(threshold.Select(Bits), Is.EqualTo(expectedThreshold.Select(Bits)));
            Assert.That(ema.Select(Bits), Is.EqualTo(expectedEma.Select(Bits)));
        }
    }
}
