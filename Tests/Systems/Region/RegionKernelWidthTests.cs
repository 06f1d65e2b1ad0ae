using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems.Lanes;
using GrowNet.Ecs.Tests.Systems.Lanes;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Region;

using GrowNet.Ecs.Systems.Region;

/// <summary>
/// grownet.md "Slots" and "Layers, tracts, wiring": the gate kernel (one fire and many fires per
/// source) and the slot chains on every lane width, against the scalar Weight rule
/// (<see cref="WeightRule"/>) applied in edge / input order, bit for bit: state columns, pass
/// masks, emitted events and their order. Hits start below and at a small cap so reinforcement
/// stops part-way; windows with fresh or frozen gates and ragged ends take the scalar rule.
/// </summary>
public class RegionKernelWidthTests
{
    private static readonly WeightConfig Weight = WeightConfig.Default with { HitSaturation = 5, Step = 0.07 };
    private static readonly int[] Sizes = [1, 7, 8, 9, 16, 31, 33, 45, 64, 77];

    [TestCaseSource(typeof(LaneWidths), nameof(LaneWidths.All))]
    public void GateFireMany_MatchesTheRuleGateByGate(int width) => LaneWidths.Run(width, new GateCheck(many: true));

    /// <summary>Every tail length after zero, one and two whole windows (the 128-bit path's tail pass, the others' ragged window and scalar ends).</summary>
    [TestCaseSource(typeof(LaneWidths), nameof(LaneWidths.All))]
    public void GateFireMany_TailsOfEveryLength_MatchTheRule(int width)
        => LaneWidths.Run(width, new GateCheck(many: true, [.. Enumerable.Range(1, 23)]));

    [TestCaseSource(typeof(LaneWidths), nameof(LaneWidths.All))]
    public void GateFire_MatchesTheRuleInEdgeOrder(int width) => LaneWidths.Run(width, new GateCheck(many: false));

    [TestCaseSource(typeof(LaneWidths), nameof(LaneWidths.All))]
    public void SlotChains_MatchTheInputOrderRule(int width) => LaneWidths.Run(width, new ChainCheck());

    /// <summary>Long chains (hundreds of inputs per slot): most steps run unmasked, every lane active and at the hit cap.</summary>
    [TestCaseSource(typeof(LaneWidths), nameof(LaneWidths.All))]
    public void SlotChains_LongChains_MatchTheInputOrderRule(int width) => LaneWidths.Run(width, new ChainCheck([4, 8, 16], [1000, 4099]));

    /// <summary>Gate columns of <paramref name="count"/> edges from row 3, random state; some fresh and one frozen when <paramref name="mixed"/>.</summary>
    private static GateColumns Edges(World world, Entity owner, int count, int seed, bool mixed)
    {
        var table = world.GetTable(world.CreateTable(RegionTables.Edges.Set, owner, count + 3));
        var e = new GateColumns(table);
        var random = new Random(seed);
        for (int k = 0; k < e.Target.Length; k++)
        {
            e.Target[k] = random.Next(1000);
            e.Strength[k] = random.NextDouble() * 0.6 - 0.3;
            e.Threshold[k] = random.NextDouble() * 0.3;
            e.EmaRate[k] = random.NextDouble() * 0.1;
            e.Hits[k] = random.Next(Weight.HitSaturation + 2);
            e.Flags[k] = (byte)WeightFlags.Imprinted;
        }

        if (mixed && count > 12)
        {
            e.Flags[3 + 9] = 0;
            e.Flags[3 + count - 2] = (byte)(WeightFlags.Imprinted | WeightFlags.Frozen);
        }

        return e;
    }

    private static (double[] S, double[] T, double[] R, int[] H, byte[] F) Copy(in GateColumns e)
        => ([.. e.Strength], [.. e.Threshold], [.. e.EmaRate], [.. e.Hits], [.. e.Flags]);

    private sealed class GateCheck(bool many, int[]? sizes = null) : ILaneWidthCheck
    {
        public void Run<TLanes>() where TLanes : struct, ILaneVector<TLanes>
        {
            var (world, region) = RegionTestWorlds.Empty();
            using var _ = world;
            var gates = new GateContext(Weight, 1.3, 0.2, 42);
            foreach (int count in sizes ?? Sizes)
            {
                foreach (bool mixed in new[] { false, true })
                {
                    var e = Edges(world, region.Entity, count, count * 7 + (mixed ? 1 : 0), mixed);
                    var (s, t, r, h, f) = Copy(e);
                    var random = new Random(count);
                    double[] fires = [.. Enumerable.Range(0, many ? 23 : 1).Select(_ => random.NextDouble() * 0.5)];
                    int start = 3, end = 3 + count;
                    var events = new List<(int Target, double Value)>();
                    int words = (count + 63) >> 6, stride = words * 8;
                    var expectedMasks = new byte[fires.Length * stride];
                    // The reference: each gate over the fires in order (many) / each gate in edge order (one fire).
                    for (int j = start; j < end; j++)
                    {
                        for (int n = 0; n < fires.Length; n++)
                        {
                            WeightRule.Reinforce(ref s[j], ref h[j], f[j], 1.3, 0.2, Weight);
                            if (WeightRule.UpdateThreshold(s[j], ref t[j], ref r[j], ref f[j], fires[n], Weight))
                            {
                                expectedMasks[n * stride + ((j - start) >> 3)] |= (byte)(1 << ((j - start) & 7));
                                events.Add((e.Target[j], fires[n]));
                            }
                        }
                    }

                    string where = $"{count} gates, mixed {mixed}";
                    if (many)
                    {
                        var masks = new byte[fires.Length * stride];
                        GateKernel.RunGates<TLanes>(e, start, end, fires, fires.Length, gates, masks, stride);
                        Assert.That(masks, Is.EqualTo(expectedMasks), where);
                    }
                    else
                    {
                        var result = new RangeResult();
                        int k = GateKernel.FireVector<TLanes>(e, start, end, fires[0], gates, result, 2, 9);
                        GateKernel.Fire(e, k, end, fires[0], gates, result, 2, 9);
                        Assert.That(result.EmitCount, Is.EqualTo(events.Count), where);
                        for (int i = 0; i < events.Count; i++)
                        {
                            Assert.That((result.EmitTract[i], result.EmitSource[i]), Is.EqualTo((2, 9)), where);
                            Assert.That((result.EmitTarget[i], result.EmitValue[i]), Is.EqualTo(events[i]), $"{where}, event {i}");
                        }
                    }

                    Assert.That(e.Strength.Select(BitConverter.DoubleToInt64Bits), Is.EqualTo(s.Select(BitConverter.DoubleToInt64Bits)), where);
                    Assert.That(e.Threshold.Select(BitConverter.DoubleToInt64Bits), Is.EqualTo(t.Select(BitConverter.DoubleToInt64Bits)), where);
                    Assert.That(e.EmaRate.Select(BitConverter.DoubleToInt64Bits), Is.EqualTo(r.Select(BitConverter.DoubleToInt64Bits)), where);
                    Assert.That(e.Hits, Is.EqualTo(h), where);
                    Assert.That(e.Flags, Is.EqualTo(f), where);
                }
            }
        }
    }

    private sealed class ChainCheck(int[]? slotCounts = null, int[]? inputCounts = null) : ILaneWidthCheck
    {
        public void Run<TLanes>() where TLanes : struct, ILaneVector<TLanes>
        {
            var bus = new BusState { Modulation = 0.9, Inhibition = 0.1 };
            var constants = new KernelConstants(Weight, SlotConfig.Default, bus);
            foreach (int slotCount in slotCounts ?? [1, 3, 8, 11, 16])
            {
                foreach (int count in inputCounts ?? [1, 15, 16, 17, 64, 65, 200])
                {
                    var random = new Random(slotCount * 1000 + count);
                    var states = new SlotState[slotCount];
                    for (int i = 0; i < slotCount; i++)
                    {
                        states[i] = new SlotState
                        {
                            Strength = random.NextDouble() * 0.4, Threshold = random.NextDouble() * 0.3, EmaRate = random.NextDouble() * 0.1,
                            Hits = random.Next(Weight.HitSaturation + 1), Flags = (byte)WeightFlags.Imprinted,
                        };
                    }

                    // Input q goes to slot owner[q]; the bins the kernel marks, as one bit row per slot.
                    int words = (count + 63) >> 6;
                    int[] owner = [.. Enumerable.Range(0, count).Select(_ => random.Next(slotCount))];
                    var taken = new ulong[slotCount * words];
                    var perSlot = new int[16];
                    for (int q = 0; q < count; q++)
                    {
                        taken[owner[q] * words + (q >> 6)] |= 1UL << q;
                        perSlot[owner[q]]++;
                    }

                    var binRows = new ulong[slotCount * words];
                    SlotChains.MarkBinInputs<TLanes>(owner, 0, count, slotCount, words, binRows);
                    Assert.That(binRows, Is.EqualTo(taken), $"bin rows, {slotCount} slots, {count} inputs");

                    var expected = states.ToArray();
                    var expectedFired = new ulong[words];
                    for (int q = 0; q < count; q++)
                    {
                        ref var slot = ref expected[owner[q]];
                        WeightRule.Reinforce(ref slot.Strength, ref slot.Hits, slot.Flags, bus.Modulation, bus.Inhibition, Weight);
                        if (WeightRule.UpdateThreshold(slot.Strength, ref slot.Threshold, ref slot.EmaRate, ref slot.Flags, 0.5, Weight))
                            expectedFired[q >> 6] |= 1UL << q;
                    }

                    var firedAt = new ulong[words];
                    SlotChains.RunLanes<TLanes>(states, slotCount, perSlot, taken, words, constants, firedAt);
                    string where = $"{slotCount} slots, {count} inputs";
                    Assert.That(firedAt, Is.EqualTo(expectedFired), where);
                    for (int i = 0; i < slotCount; i++)
                    {
                        Assert.That(BitConverter.DoubleToInt64Bits(states[i].Strength), Is.EqualTo(BitConverter.DoubleToInt64Bits(expected[i].Strength)), where);
                        Assert.That(BitConverter.DoubleToInt64Bits(states[i].Threshold), Is.EqualTo(BitConverter.DoubleToInt64Bits(expected[i].Threshold)), where);
                        Assert.That(BitConverter.DoubleToInt64Bits(states[i].EmaRate), Is.EqualTo(BitConverter.DoubleToInt64Bits(expected[i].EmaRate)), where);
                        Assert.That(states[i].Hits, Is.EqualTo(expected[i].Hits), where);
                    }

                }
            }
        }
    }
}
