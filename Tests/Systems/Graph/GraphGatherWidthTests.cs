using GrowNet.Ecs.Components.Graph;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems.Graph;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Graph;

/// <summary>
/// graph.md, Tick step 1 (gather): on random small blocks with enough Hidden rows to fill lane
/// groups (drawn reservoirs, and explicit rows of unequal lengths with Hidden frequencies below 1),
/// the gather kernel at each lane width gives, tick by tick, every node's update flag and
/// <c>next</c> of the plain <see cref="GraphReference"/>, bit for bit; the block and the reference
/// then take the whole tick and stay equal.
/// </summary>
public class GraphGatherWidthTests
{
    private static readonly int[] Widths = [512, 256, 128, 32];

    [Test]
    public void DrawnBlocks_GatherAsTheReference_AtEveryWidth([ValueSource(nameof(Widths))] int width, [Range(0, 5)] int seed)
        => RunWidth(width, new Check(seed, explicitRows: false));

    [Test]
    public void ExplicitUnequalRows_GatherAsTheReference_AtEveryWidth([ValueSource(nameof(Widths))] int width, [Range(0, 5)] int seed)
        => RunWidth(width, new Check(seed, explicitRows: true));

    private static void RunWidth(int width, Check check)
    {
        bool accelerated = width switch
        {
            512 => Float32Lanes512.IsHardwareAccelerated,
            256 => Float32Lanes256.IsHardwareAccelerated,
            128 => Float32Lanes128.IsHardwareAccelerated,
            _ => true,
        };
        if (!accelerated)
            Assert.Ignore($"Vector{width} is not accelerated here.");
        switch (width)
        {
            case 512:
                check.Run<Float32Lanes512>();
                break;
            case 256:
                check.Run<Float32Lanes256>();
                break;
            case 128:
                check.Run<Float32Lanes128>();
                break;
            default:
                check.Run<Float32Lanes1>();
                break;
        }
    }

    private sealed class Check(int seed, bool explicitRows)
    {
        public void Run<TLanes>() where TLanes : struct, IFloat32Lanes<TLanes>
        {
            var rng = new RandomStream((ulong)seed, explicitRows ? 0x6A7Eu : 0x6A7Du, 0);
            int channels = 1 + (int)(rng.NextDouble() * 3), hidden = 16 + (int)(rng.NextDouble() * 56);
            var config = new GraphConfig
            {
                Channels = channels,
                Hidden = hidden,
                HistoryLength = 1 + (int)(rng.NextDouble() * 6),
                HiddenInDegree = 1 + (int)(rng.NextDouble() * 4),
                Hierarchy = rng.NextDouble() < 0.7,
                HiddenReadsSummary = rng.NextDouble() < 0.3,
                LevelFrequency = (float)rng.NextDouble(),
                Activation = rng.NextDouble() < 0.7 ? GraphActivation.Tanh : GraphActivation.Identity,
                ReservoirScale = 0.5f + 2.5f * (float)rng.NextDouble(),
                LearningRate = (float)(rng.NextDouble() * 0.2),
                Growth = false,
            };
            using var world = GrowNet.Ecs.Systems.Pipeline.CreateWorld((ulong)seed + 100);
            var block = explicitRows
                ? GraphFactory.FromTaps(world, "lanes", config, Rows(rng, config))
                : GraphFactory.Create(world, "lanes", config);
            var reference = GraphReferenceTests.Mirror(block, world.Seed);
            var gather = new GraphGatherSystem();
            for (int t = 1; t <= 40; t++)
            {
                var inputs = Enumerable.Range(0, channels).Select(_ => (float)(rng.NextDouble() * 4 - 2)).ToArray();
                string when = $"{TLanes.Count} lanes, seed {seed}, tick {t}";
                block.Stage(inputs);
                gather.Gather<TLanes>(world, block.Entity);
                var a = new GraphArrays(world, block.State);
                reference.Inputs = inputs;
                reference.Step();
                for (int i = 0; i < block.NodeCount; i++)
                {
                    var node = reference.Nodes[i];
                    Assert.That(a.Updates[i] != 0, Is.EqualTo(node.Updates), $"{when}, update flag of node {i}");
                    if (node.Updates)
                        Assert.That(BitConverter.SingleToInt32Bits(a.Next[i]), Is.EqualTo(BitConverter.SingleToInt32Bits(node.Next)), $"{when}, next of node {i}");
                }

                world.Step();
                GraphReferenceTests.AssertSame(block, reference, when);
            }
        }

        /// <summary>Hidden rows of 0–5 taps from the Input and Hidden nodes, weights up to ±1.5, frequencies 1, 0.6 or 0.3.</summary>
        private static GraphTapSpec Rows(RandomStream rng, GraphConfig config)
        {
            var spec = new GraphTapSpec();
            int sources = config.Channels + config.Hidden;
            for (int row = config.Channels; row < sources; row++)
            {
                int count = (int)(rng.NextDouble() * 6);
                var keys = new SortedSet<(int Source, int Lag)>();
                while (keys.Count < count)
                    keys.Add(((int)(rng.NextDouble() * sources), (int)(rng.NextDouble() * config.HistoryLength)));
                foreach (var (source, lag) in keys)
                    spec.Tap(row, source, lag, (float)(rng.NextDouble() * 3 - 1.5));
                spec.Bias(row, (float)(rng.NextDouble() - 0.5));
                double f = rng.NextDouble();
                if (f < 0.3)
                    spec.Frequency(row, f < 0.15 ? 0.6f : 0.3f);
            }

            return spec;
        }
    }
}
