using GrowNet.Ecs.Components.Graph;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems.Graph;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Graph;

/// <summary>
/// Property: on random small blocks (channels, reservoir, hierarchy, activation, learning knobs,
/// split and frozen predictors), the engine's gather/error/learn/commit kernels equal
/// <see cref="GraphReference"/> tick by tick, bit for bit, on 1 and 2 threads.
/// </summary>
public class GraphReferenceTests
{
    [Test]
    public void RandomSmallBlocks_MatchTheReference_TickByTick([Range(0, 23)] int seed)
    {
        var rng = new RandomStream((ulong)seed, 0x7E57, 0);
        var config = new GraphConfig
        {
            Channels = 1 + (int)(rng.NextDouble() * 3),
            Hidden = (int)(rng.NextDouble() * 9),
            HistoryLength = 1 + (int)(rng.NextDouble() * 6),
            HiddenInDegree = 1 + (int)(rng.NextDouble() * 3),
            Hierarchy = rng.NextDouble() < 0.7,
            HiddenReadsSummary = rng.NextDouble() < 0.3,
            LevelFrequency = (float)rng.NextDouble(),
            Activation = rng.NextDouble() < 0.7 ? GraphActivation.Tanh : GraphActivation.Identity,
            LearningRate = (float)(rng.NextDouble() * 0.5),
            NormEpsilon = (float)(rng.NextDouble() * 0.01),
            ProxL1 = rng.NextDouble() < 0.5 ? 0f : (float)(rng.NextDouble() * 0.05),
            TapBudget = rng.NextDouble() < 0.5 ? 0 : 8,
            Growth = false,
        };
        using var world = GrowNet.Ecs.Systems.Pipeline.CreateWorld((ulong)seed);
        world.SetThreadCount(1 + seed % 2);
        var block = GraphFactory.Create(world, "random", config);
        for (int g = block.PredictorStart; g < block.PredictorStart + config.Channels; g++)
        {
            if (rng.NextDouble() < 0.4)
                block.SplitPredictor(g);
            if (rng.NextDouble() < 0.2)
                block.Freeze(g);
        }

        var reference = Mirror(block, world.Seed);
        for (int t = 1; t <= 60; t++)
        {
            var inputs = Enumerable.Range(0, config.Channels).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();
            reference.Inputs = inputs;
            reference.Step();
            block.Tick(inputs);
            AssertSame(block, reference, $"seed {seed}, tick {t}");
        }
    }

    internal static GraphReference Mirror(GraphBlock block, ulong seed)
    {
        var config = block.Config;
        int budget = config.EffectiveTapBudget;
        double r = budget > 0 ? (double)block.Cstruct / budget : 0;
        var nodes = new List<GraphReference.Node>();
        for (int i = 0; i < block.NodeCount; i++)
        {
            var (a, b) = block.Children(i);
            nodes.Add(new GraphReference.Node
            {
                Kind = block.Kind(i).ToString(), Ring = new float[config.HistoryLength], Bias = block.Bias(i), Frequency = block.Frequency(i),
                Channel = block.Channel(i), Alpha = block.Alpha(i), ChildA = a, ChildB = b, Frozen = block.IsFrozen(i),
                Taps = block.Taps(i).Select(t => (t.Source, t.Lag, t.Weight)).ToList(),
            });
        }

        return new GraphReference
        {
            Nodes = nodes, Channels = block.ChannelCount, Tanh = config.Activation == GraphActivation.Tanh, LearningRate = config.LearningRate,
            NormEpsilon = config.NormEpsilon, ProxL1 = config.ProxL1, Seed = seed,
            GammaScale = budget > 0 ? (float)(config.BarrierScale * Math.Sqrt(Math.Max(1 - r * r, config.BarrierEpsilon))) : config.BarrierScale,
            Predictions = new float[block.ChannelCount], Errors = new float[block.ChannelCount],
        };
    }

    internal static void AssertSame(GraphBlock block, GraphReference reference, string when)
    {
        for (int c = 0; c < block.ChannelCount; c++)
            Assert.That((block.Prediction(c), block.Error(c)), Is.EqualTo((reference.Predictions[c], reference.Errors[c])), $"{when}, channel {c}");
        for (int i = 0; i < block.NodeCount; i++)
        {
            var node = reference.Nodes[i];
            Assert.That(block.Head(i), Is.EqualTo(node.Head), $"{when}, head of node {i}");
            for (int k = 0; k < node.Ring.Length; k++)
                Assert.That(block.Lag(i, k), Is.EqualTo(node.Lag(k)), $"{when}, lag({k}) of node {i}");
            Assert.That(block.Bias(i), Is.EqualTo(node.Bias), $"{when}, bias of node {i}");
            Assert.That(block.Taps(i).Select(t => (t.Source, t.Lag, t.Weight)), Is.EqualTo(node.Taps), $"{when}, taps of node {i}");
        }
    }
}
