using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems.Graph;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Graph;

/// <summary>graph.md, Tick step 1 (update gate): the eight-lane gates are the scalar draws' gates.</summary>
public class GraphUpdateGatesTests
{
    [Test]
    public void Eight_EqualsTheDrawsOneByOne()
    {
        if (!GraphUpdateGates.IsVectorised)
            Assert.Ignore("The eight-lane gates need AVX-512 (DQ) here.");
        var rng = new RandomStream(5, 0x6A7E, 0);
        float[] levels = [0f, 1f, 0.5f, 0.25f, 0.125f, 1e-30f, 0.999999f, 2f];
        var frequencies = new float[4096];
        for (int i = 0; i < frequencies.Length; i++)
            frequencies[i] = i % 3 == 0 ? levels[(int)(rng.NextDouble() * levels.Length)] : (float)rng.NextDouble();
        for (long tick = 1; tick <= 200; tick++)
        {
            ulong key = GraphStreams.UpdateKey(42, tick);
            for (int first = 0; first + 8 <= frequencies.Length; first += 8 + (int)(tick % 3))
                Assert.That(GraphUpdateGates.Eight(key, first, frequencies), Is.EqualTo(GraphUpdateGates.EightOneByOne(key, first, frequencies)), $"tick {tick}, nodes {first}..{first + 7}");
        }
    }

    [Test]
    public void EightOneByOne_IsTheSpecGate()
    {
        // f ≥ 1 always opens, f ≤ 0 never, otherwise draw < f (graph.md).
        float[] frequencies = [1f, 0f, 0.5f, 3f, 0.3f, 0f, 1f, 0.9f];
        ulong key = GraphStreams.UpdateKey(7, 11);
        uint gates = GraphUpdateGates.EightOneByOne(key, 0, frequencies);
        for (int l = 0; l < 8; l++)
        {
            float f = frequencies[l];
            bool expected = f >= 1f || (f > 0f && GraphStreams.UpdateDraw(7, 11, l) < f);
            Assert.That((gates >> l & 1) != 0, Is.EqualTo(expected), $"node {l}");
        }
    }
}
