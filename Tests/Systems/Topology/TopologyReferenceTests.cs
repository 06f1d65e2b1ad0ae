using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Systems.Topology;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Topology;

/// <summary>
/// topology.md, "Reference cross-check": the engine's kernels against the plain double-precision
/// <see cref="TopologyReference"/> over 100 ticks of random blocks, inputs and rewards, in both
/// representations; and the two representations against each other, bit for bit.
/// </summary>
public class TopologyReferenceTests
{
        private const int Ticks = 100;
    private const double Tolerance = 1e-5;

    private static TopologyParameters CrossCheckParameters(RepresentationPolicy policy, ActivationKind activation)
    {
        var parameters = TopologyTestWorlds.Parameters(policy, maxDensity: 0.1);
        parameters.MaxSproutsPerTick = 3;
        parameters.LeakRate = 0.5f;
        parameters.LearningRate = 0.03f;
        parameters.SurvivalThreshold = 0.02f;
        parameters.SproutThreshold = 0.1f;
        parameters.Activation = activation;
        return parameters;
    }

    private static TopologyReference Mirror(TopologyBlock block, TopologyParameters parameters)
    {
        int n = block.VertexCount;
        var reference = new TopologyReference(n, parameters);
        var (w, m) = TopologyTestWorlds.Matrices(block);
        for (int i = 0; i < n; i++)
        {
            reference.S[i] = block.SensoryGain[i];
            reference.B[i] = block.Bias[i];
            reference.X[i] = block.Activations[i];
            for (int j = 0; j < n; j++)
            {
                reference.W[i, j] = w[i * n + j];
                reference.M[i, j] = m[i * n + j];
            }
        }

        return reference;
    }

    private static float RewardAt(ulong seed, int tick)
        => tick % 7 == 3 ? -0.5f : tick % 11 == 5 ? 0f : 1f + 0.5f * TopologyTestWorlds.Noise(seed, tick, -1);

    [TestCase(1UL, 16, RepresentationPolicy.Dense, ActivationKind.Tanh)]
    [TestCase(1UL, 16, RepresentationPolicy.Sparse, ActivationKind.Tanh)]
    [TestCase(3UL, 37, RepresentationPolicy.Dense, ActivationKind.Sigmoid)]
    [TestCase(3UL, 37, RepresentationPolicy.Sparse, ActivationKind.Sigmoid)]
    [TestCase(4UL, 20, RepresentationPolicy.Dense, ActivationKind.Relu)]
    [TestCase(4UL, 20, RepresentationPolicy.Sparse, ActivationKind.Relu)]
    [TestCase(5UL, 29, RepresentationPolicy.Dense, ActivationKind.Identity)]
    [TestCase(5UL, 29, RepresentationPolicy.Sparse, ActivationKind.Identity)]
    [TestCase(6UL, 70, RepresentationPolicy.Auto, ActivationKind.Tanh)]
    public void Kernels_MatchDoublePrecisionReference_Over100Ticks(ulong seed, int n, RepresentationPolicy policy, ActivationKind activation)
    {
        // Structure frozen (no candidate passes θ_sprout > 1, θ_survival = 0 prunes nothing), so every
        // step is continuous: dynamics, Hebbian–Oja, mask and clip must track the double reference
        // for 100 free-running ticks with no re-synchronisation at all.
        var parameters = CrossCheckParameters(policy, activation);
        parameters.SproutThreshold = 2f;
        parameters.SurvivalThreshold = 0f;
        parameters.LearningRate = 0.1f;
        var (world, block) = TopologyTestWorlds.RandomBlock(seed, n, 0.1, parameters);
        using var _ = world;
        var (inputScale, biasOffset) = Drive(activation);
        block.SetBias(Array.ConvertAll(TopologyTestWorlds.NoiseVector(seed ^ 0xB1A5, 0, n), b => biasOffset + 0.2f * b));
        var reference = Mirror(block, parameters);
        for (int t = 0; t < Ticks; t++)
        {
            var input = TopologyTestWorlds.NoiseVector(seed, t + 1, n, inputScale);
            float reward = RewardAt(seed, t);
            block.Reward = reward;
            block.SetInput(input);
            block.World.Step();
            bool ambiguous = reference.Step(Array.ConvertAll(input, v => (double)v), reward);
            Assert.That(ambiguous, Is.False, $"tick {t}: the frozen structure made a structural decision");
            AssertMatches(block, reference, $"tick {t}");
        }
    }

    [TestCase(1UL, 16, RepresentationPolicy.Dense, ActivationKind.Tanh)]
    [TestCase(1UL, 16, RepresentationPolicy.Sparse, ActivationKind.Tanh)]
    [TestCase(2UL, 23, RepresentationPolicy.Dense, ActivationKind.Tanh)]
    [TestCase(2UL, 23, RepresentationPolicy.Sparse, ActivationKind.Tanh)]
    [TestCase(3UL, 37, RepresentationPolicy.Dense, ActivationKind.Sigmoid)]
    [TestCase(3UL, 37, RepresentationPolicy.Sparse, ActivationKind.Sigmoid)]
    [TestCase(4UL, 20, RepresentationPolicy.Dense, ActivationKind.Relu)]
    [TestCase(4UL, 20, RepresentationPolicy.Sparse, ActivationKind.Relu)]
    [TestCase(5UL, 29, RepresentationPolicy.Dense, ActivationKind.Identity)]
    [TestCase(5UL, 29, RepresentationPolicy.Sparse, ActivationKind.Identity)]
    [TestCase(6UL, 70, RepresentationPolicy.Auto, ActivationKind.Tanh)]
    public void FullTick_MatchesDoublePrecisionReference_Over100Ticks(ulong seed, int n, RepresentationPolicy policy, ActivationKind activation)
    {
        // Pruning, sprouting and the duel are discrete: where two potentialities (or weights) lie
        // closer than float32 can tell apart, the float engine and the double reference may
        // legitimately order them differently. Saturated Hebbian cliques make such near-ties
        // common. The reference flags every decision within 1e-6 of flipping; on those ticks it
        // adopts the engine's state (counted); on every other tick structure must agree exactly
        // and values within 1e-5.
        var parameters = CrossCheckParameters(policy, activation);
        var (world, block) = TopologyTestWorlds.RandomBlock(seed, n, 0.08, parameters);
        using var _ = world;
        var (inputScale, biasOffset) = Drive(activation);
        block.SetSensoryGain(Array.ConvertAll(TopologyTestWorlds.NoiseVector(seed ^ 0x5E, 0, n), g => 1f + 0.4f * g));
        block.SetBias(Array.ConvertAll(TopologyTestWorlds.NoiseVector(seed ^ 0xB1A5, 0, n), b => biasOffset + 0.2f * b));
        var reference = Mirror(block, parameters);
        var (w, m) = (new float[n * n], new bool[n * n]);
        int compared = 0, comparedChanges = 0;
        for (int t = 0; t < Ticks; t++)
        {
            var input = TopologyTestWorlds.NoiseVector(seed, t + 1, n, inputScale);
            float reward = RewardAt(seed, t);
            block.Reward = reward;
            block.SetInput(input);
            block.World.Step();
            bool ambiguous = reference.Step(Array.ConvertAll(input, v => (double)v), reward);
            if (ambiguous)
            {
                block.CopyWeights(w);
                block.CopyMask(m);
                reference.Resync(block.Activations, w, m);
                continue;
            }

            AssertMatches(block, reference, $"tick {t}");
            compared++;
            comparedChanges += block.State.LastPruned + block.State.LastSprouted + block.State.LastReplaced;
        }

        Assert.That(compared, Is.GreaterThanOrEqualTo(25), "ticks compared in full");
        Assert.That(comparedChanges, Is.GreaterThan(10), "structural changes on compared ticks");
    }

    private static (float InputScale, float BiasOffset) Drive(ActivationKind activation) => activation switch
    {
        // Each activation is driven within its working range: sigmoid centred, ReLU and identity below their caps.
        ActivationKind.Sigmoid => (1.5f, -1.5f),
        ActivationKind.Relu => (0.4f, 0.1f),
        ActivationKind.Identity => (0.4f, 0f),
        _ => (1f, 0f),
    };

    private static void AssertMatches(TopologyBlock block, TopologyReference reference, string context)
    {
        int n = block.VertexCount;
        var (w, m) = TopologyTestWorlds.Matrices(block);
        for (int i = 0; i < n; i++)
        {
            Assert.That(block.Activations[i], Is.EqualTo(reference.X[i]).Within(Tolerance), $"{context}: x[{i}]");
            for (int j = 0; j < n; j++)
            {
                Assert.That(m[i * n + j], Is.EqualTo(reference.M[i, j]), $"{context}: M[{i},{j}]");
                Assert.That(w[i * n + j], Is.EqualTo(reference.W[i, j]).Within(Tolerance), $"{context}: W[{i},{j}]");
            }
        }
    }

    /// <summary>A busier regime than the cross-check: every candidate limit and duel path is exercised.</summary>
    private static TopologyParameters BusyParameters(RepresentationPolicy policy, ActivationKind activation)
    {
        var parameters = TopologyTestWorlds.Parameters(policy, maxDensity: 0.3);
        parameters.LearningRate = 0.1f;
        parameters.SurvivalThreshold = 0.02f;
        parameters.Activation = activation;
        return parameters;
    }

    [TestCase(11UL, 40, ActivationKind.Tanh)]
    [TestCase(12UL, 77, ActivationKind.Sigmoid)]
    [TestCase(13UL, 130, ActivationKind.Tanh)]
    public void DenseAndSparse_AreBitIdentical(ulong seed, int n, ActivationKind activation)
    {
        var (denseWorld, dense) = TopologyTestWorlds.RandomBlock(seed, n, 0.2, BusyParameters(RepresentationPolicy.Dense, activation));
        var (sparseWorld, sparse) = TopologyTestWorlds.RandomBlock(seed, n, 0.2, BusyParameters(RepresentationPolicy.Sparse, activation));
        using var a = denseWorld;
        using var b = sparseWorld;
        Assert.That(dense.Representation, Is.EqualTo(TopologyRepresentation.Dense));
        Assert.That(sparse.Representation, Is.EqualTo(TopologyRepresentation.Sparse));
        int changes = 0, duels = 0;
        for (int t = 0; t < Ticks; t++)
        {
            var input = TopologyTestWorlds.NoiseVector(seed, t + 1, n);
            dense.Reward = sparse.Reward = RewardAt(seed, t);
            dense.SetInput(input);
            dense.World.Step();
            sparse.SetInput(input);
            sparse.World.Step();
            AssertIdentical(dense, sparse, $"tick {t}");
            changes += dense.State.LastPruned + dense.State.LastSprouted + dense.State.LastReplaced;
            duels += dense.State.LastReplaced;
        }

        Assert.That(changes, Is.GreaterThan(50));
        Assert.That(duels, Is.GreaterThan(0));
    }

    [Test]
    public void ThreadCount_DoesNotChangeAnyBit()
    {
        // Large enough that every parallel loop is cut into several blocks.
        const int n = 300;
        var parameters = BusyParameters(RepresentationPolicy.Dense, ActivationKind.Tanh);
        var (serialWorld, serial) = TopologyTestWorlds.RandomBlock(21, n, 0.2, parameters, threads: 1);
        var (parallelWorld, parallel) = TopologyTestWorlds.RandomBlock(21, n, 0.2, parameters, threads: 4);
        using var a = serialWorld;
        using var b = parallelWorld;
        for (int t = 0; t < 12; t++)
        {
            var input = TopologyTestWorlds.NoiseVector(21, t + 1, n);
            serial.SetInput(input);
            serial.World.Step();
            parallel.SetInput(input);
            parallel.World.Step();
            AssertIdentical(serial, parallel, $"tick {t}");
            if (t == 5)
            {
                var sparseParameters = parameters;
                sparseParameters.Representation = RepresentationPolicy.Sparse;
                serial.SetParameters(sparseParameters);
                parallel.SetParameters(sparseParameters);
            }
        }
    }

    internal static void AssertIdentical(TopologyBlock left, TopologyBlock right, string context)
    {
        int n = left.VertexCount;
        Assert.That(right.VertexCount, Is.EqualTo(n));
        Assert.That(Bits(right.Activations), Is.EqualTo(Bits(left.Activations)), $"{context}: x");
        Assert.That(Bits(right.PreActivations), Is.EqualTo(Bits(left.PreActivations)), $"{context}: z");
        var (lw, lm) = TopologyTestWorlds.Matrices(left);
        var (rw, rm) = TopologyTestWorlds.Matrices(right);
        Assert.That(rm, Is.EqualTo(lm), $"{context}: M");
        Assert.That(Bits(rw), Is.EqualTo(Bits(lw)), $"{context}: W");
        Assert.That(right.EdgeCount, Is.EqualTo(left.EdgeCount), $"{context}: |E|");
    }

    private static int[] Bits(ReadOnlySpan<float> values)
    {
        var bits = new int[values.Length];
        for (int i = 0; i < values.Length; i++)
            bits[i] = BitConverter.SingleToInt32Bits(values[i]);
        return bits;
    }
}
