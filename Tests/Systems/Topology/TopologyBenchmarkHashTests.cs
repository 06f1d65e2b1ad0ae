using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Topology;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Topology;

/// <summary>
/// Pins the exact state of a block shaped like the tick benchmark (Perf/Topology/TopologyWorkload:
/// N = 1024, 2 % density with ρmax equal to it, K = N, the budget filled by one large-K tick, then
/// ticks that prune, duel and sprout thousands of edges). The hash covers x, z and every edge
/// (row, column, weight bits) after each measured tick. It was recorded from the engine before the
/// structural step was optimised, so any change to decisions or float order in the sprout search,
/// the weakest-edge selection or the row rebuild shows up here, in either representation and on
/// any thread count.
/// </summary>
public class TopologyBenchmarkHashTests
{
    private const int Vertices = 1024;
    private const double Density = 0.02;
    private const int WarmTicks = 30;
    private const int HashedTicks = 8;
    private const ulong ExpectedHash = 0x5B37539F41B06073UL;

    [TestCase(RepresentationPolicy.Sparse, 1)]
    [TestCase(RepresentationPolicy.Sparse, 2)]
    [TestCase(RepresentationPolicy.Dense, 1)]
    [TestCase(RepresentationPolicy.Dense, 2)]
    // More threads than this machine may have cores: the sprouting loop's threads share seed units
    // and wait for one another, and must still give the same bytes.
    [TestCase(RepresentationPolicy.Sparse, 4)]
    [TestCase(RepresentationPolicy.Dense, 4)]
    public void BenchmarkLikeBlock_MatchesPinnedStateHash(RepresentationPolicy policy, int threads)
    {
        using var world = Pipeline.CreateWorld(seed: 2024);
        world.SetThreadCount(threads);
        var parameters = TopologyParameters.Default;
        parameters.MaxDensity = Density;
        parameters.Representation = policy;
        var block = TopologyBlock.Create(world, "bench", TopologyDefinition.Random(Vertices, Density, parameters, maxInitialWeight: 0.5f));
        var inputs = new float[4][];
        for (int k = 0; k < inputs.Length; k++)
        {
            inputs[k] = new float[Vertices];
            for (int i = 0; i < Vertices; i++)
                inputs[k][i] = (float)(CounterRandom.NextDouble(2024, 99, (ulong)k, (ulong)i) * 2 - 1);
        }

        int tick = 0;
        void Step()
        {
            block.SetInput(inputs[tick++ & 3]);
            world.Step();
        }

        for (int t = 0; t < 5; t++)
            Step();
        var filling = parameters;
        filling.MaxSproutsPerTick = Math.Max(Vertices, parameters.EdgeBudget(Vertices) - block.EdgeCount + Vertices);
        block.SetParameters(filling);
        Step();
        block.SetParameters(parameters);
        for (int t = 0; t < WarmTicks; t++)
            Step();

        ulong hash = 14695981039346656037UL;
        int replaced = 0;
        for (int t = 0; t < HashedTicks; t++)
        {
            Step();
            replaced += block.State.LastReplaced;
            hash = HashState(block, hash);
        }

        Assert.That(block.Representation, Is.EqualTo(policy == RepresentationPolicy.Dense
            ? TopologyRepresentation.Dense
            : TopologyRepresentation.Sparse));
        Assert.That(replaced, Is.GreaterThan(HashedTicks * Vertices / 2), "the measured ticks duel heavily");
        Assert.That(hash, Is.EqualTo(ExpectedHash), $"state hash 0x{hash:X16}");
    }

    /// <summary>FNV-1a over x, z and the edges (row, column, weight bits) in row-major order.</summary>
    private static ulong HashState(TopologyBlock block, ulong hash)
    {
        foreach (float value in block.Activations)
            hash = Mix(hash, (uint)BitConverter.SingleToInt32Bits(value));
        foreach (float value in block.PreActivations)
            hash = Mix(hash, (uint)BitConverter.SingleToInt32Bits(value));
        hash = Mix(hash, (uint)block.EdgeCount);
        foreach (var edge in block.Edges())
        {
            hash = Mix(hash, (uint)edge.Row);
            hash = Mix(hash, (uint)edge.Column);
            hash = Mix(hash, (uint)BitConverter.SingleToInt32Bits(edge.Weight));
        }

        return hash;
    }

    private static ulong Mix(ulong hash, uint value)
    {
        for (int b = 0; b < 4; b++)
        {
            hash ^= (byte)(value >> (8 * b));
            hash *= 1099511628211UL;
        }

        return hash;
    }
}
