using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems.Topology;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Topology;

/// <summary>
/// The SIMD kernels: every lane set the machine accelerates gives the same bits as the scalar
/// code (the canonical sum order), the sparse kernels reproduce the dense ones, and the
/// activations are accurate.
/// </summary>
public class TopologyKernelTests
{
    private const int Stride = 192;
    private const int Columns = 176;
    private const int Rows = 11;

    private static (float[] W, ulong[] M, float[] X) RandomRows(ulong seed, double density)
    {
        var w = new float[Rows * Stride];
        var m = new ulong[Rows * Stride / 64];
        var x = new float[Stride];
        for (int j = 0; j < 170; j++)
            x[j] = (float)(CounterRandom.NextDouble(seed, 1, 0, (ulong)j) * 2 - 1);
        for (int i = 0; i < Rows; i++)
        {
            for (int j = 0; j < 170; j++)
            {
                if (CounterRandom.NextDouble(seed, 2, (ulong)i, (ulong)j) < density)
                {
                    w[i * Stride + j] = (float)(CounterRandom.NextDouble(seed, 3, (ulong)i, (ulong)j) * 2 - 1);
                    m[i * (Stride / 64) + j / 64] |= 1UL << (j % 64);
                }
            }
        }

        return (w, m, x);
    }

    private static int[] Bits(float[] values) => Array.ConvertAll(values, BitConverter.SingleToInt32Bits);

    [TestCase(0.5)]
    [TestCase(0.03)]
    [TestCase(1.0)]
    public void RowDots_AllLaneSetsAndSparse_AreBitIdentical(double density)
    {
        var (w, m, x) = RandomRows(7, density);
        var scalar = new float[Rows];
        TopologyDenseKernels.RowDotsScalar(w, Stride, x, Columns, scalar);
        var results = new List<(string, float[])>();
        if (Lanes16Vector512.IsHardwareAccelerated)
            results.Add(("512", Run<Lanes16Vector512>()));
        if (Lanes16Vector256.IsHardwareAccelerated)
            results.Add(("256", Run<Lanes16Vector256>()));
        if (Lanes16Vector128.IsHardwareAccelerated)
            results.Add(("128", Run<Lanes16Vector128>()));
        var dispatched = new float[Rows];
        TopologyDenseKernels.RowDots(w, Stride, x, Columns, dispatched);
        results.Add(("dispatch", dispatched));
        var sparse = new float[Rows];
        for (int i = 0; i < Rows; i++)
        {
            var columns = Enumerable.Range(0, Columns).Where(j => (m[i * 3 + j / 64] >> (j % 64) & 1) != 0).ToArray();
            sparse[i] = TopologySparseKernels.RowDot(columns, columns.Select(j => w[i * Stride + j]).ToArray(), x);
        }

        results.Add(("sparse", sparse));
        foreach (var (name, values) in results)
            Assert.That(Bits(values), Is.EqualTo(Bits(scalar)), name);
        // And the canonical order really is not the sequential one (else the test would prove little).
        for (int i = 0; i < Rows; i++)
        {
            double exact = 0;
            for (int j = 0; j < Columns; j++)
                exact += (double)w[i * Stride + j] * x[j];
            Assert.That(scalar[i], Is.EqualTo(exact).Within(1e-4));
        }

        float[] Run<TLanes>() where TLanes : struct, ILanes16<TLanes>
        {
            var dots = new float[Rows];
            TopologyDenseKernels.RowDots<TLanes>(w, Stride, x, Columns, dots);
            return dots;
        }
    }

    [TestCase(0.5f, 0.05f)]
    [TestCase(-1.3f, 0.3f)]
    [TestCase(40f, 0.02f)]
    public void Plasticity_AllLaneSetsAndSparse_AreBitIdentical(float rewardRate, float survival)
    {
        var (w0, m0, x) = RandomRows(9, 0.4);
        var (expectedW, expectedM) = ((float[])w0.Clone(), (ulong[])m0.Clone());
        var expectedDegrees = new int[Rows];
        // Rows 0..10 are vertices 3..13 of a larger block.
        int pruned = TopologyDenseKernels.PlasticityRowsScalar(expectedW, expectedM, Stride, x, Columns, 3, rewardRate, survival, expectedDegrees);
        Assert.That(pruned, Is.GreaterThan(0));
        var variants = new List<(string, Func<float[], ulong[], int[], int>)>
        {
            ("dispatch", (w, m, d) => TopologyDenseKernels.PlasticityRows(w, m, Stride, x, Columns, 3, rewardRate, survival, d)),
        };
        if (Lanes16Vector512.IsHardwareAccelerated)
            variants.Add(("512", (w, m, d) => TopologyDenseKernels.PlasticityRows<Lanes16Vector512>(w, m, Stride, x, Columns, 3, rewardRate, survival, d)));
        if (Lanes16Vector256.IsHardwareAccelerated)
            variants.Add(("256", (w, m, d) => TopologyDenseKernels.PlasticityRows<Lanes16Vector256>(w, m, Stride, x, Columns, 3, rewardRate, survival, d)));
        if (Lanes16Vector128.IsHardwareAccelerated)
            variants.Add(("128", (w, m, d) => TopologyDenseKernels.PlasticityRows<Lanes16Vector128>(w, m, Stride, x, Columns, 3, rewardRate, survival, d)));
        foreach (var (name, run) in variants)
        {
            var (w, m, d) = ((float[])w0.Clone(), (ulong[])m0.Clone(), new int[Rows]);
            Assert.That(run(w, m, d), Is.EqualTo(pruned), name);
            Assert.That(Bits(w), Is.EqualTo(Bits(expectedW)), name);
            Assert.That(m, Is.EqualTo(expectedM), name);
            Assert.That(d, Is.EqualTo(expectedDegrees), name);
        }

        var sparseVariants = new List<(string, SparseRowKernel)>
        {
            ("sparse dispatch", TopologySparseKernels.PlasticityRow),
            ("sparse scalar", TopologySparseKernels.PlasticityRowScalar),
        };
        if (Lanes16Vector512.IsHardwareAccelerated)
            sparseVariants.Add(("sparse 512", TopologySparseKernels.PlasticityRow<Lanes16Vector512>));
        if (Lanes16Vector256.IsHardwareAccelerated)
            sparseVariants.Add(("sparse 256", TopologySparseKernels.PlasticityRow<Lanes16Vector256>));
        if (Lanes16Vector128.IsHardwareAccelerated)
            sparseVariants.Add(("sparse 128", TopologySparseKernels.PlasticityRow<Lanes16Vector128>));
        foreach (var (name, kernel) in sparseVariants)
        {
            for (int i = 0; i < Rows; i++)
            {
                var original = Enumerable.Range(0, Columns).Where(j => (m0[i * 3 + j / 64] >> (j % 64) & 1) != 0).ToArray();
                var columns = (int[])original.Clone();
                var weights = columns.Select(j => w0[i * Stride + j]).ToArray();
                float xi = x[3 + i];
                int kept = kernel(columns, weights, x, xi, rewardRate * xi, survival);
                Assert.That(kept, Is.EqualTo(expectedDegrees[i]), name);
                Assert.That(columns[..kept], Is.EqualTo(original.Where(j => (expectedM[i * 3 + j / 64] >> (j % 64) & 1) != 0).ToArray()), name);
                for (int k = 0; k < kept; k++)
                    Assert.That(BitConverter.SingleToInt32Bits(weights[k]), Is.EqualTo(BitConverter.SingleToInt32Bits(expectedW[i * Stride + columns[k]])), name);
            }
        }
    }

    private delegate int SparseRowKernel(Span<int> columns, Span<float> weights, ReadOnlySpan<float> x, float xi, float gain, float survival);

    private static IEnumerable<float> Arguments()
    {
        for (int k = -2000; k <= 2000; k++)
            yield return k * 0.01f;
        foreach (float special in new[] { 0f, -0f, 1e-30f, -1e-30f, 0.625f, -0.625f, 0.62499994f, 9f, 20f, -20f, 87f, 88f, 90f, -87f, -200f, float.MaxValue, float.MinValue, float.PositiveInfinity, float.NegativeInfinity })
            yield return special;
    }

    [Test]
    public void Activations_LanesEqualScalar_BitForBit()
    {
        var z = Arguments().ToArray();
        var padded = new float[(z.Length + 15) / 16 * 16];
        z.CopyTo(padded, 0);
        Check<TanhActivation>();
        Check<SigmoidActivation>();
        Check<ReluActivation>();
        Check<IdentityActivation>();

        void Check<TActivation>() where TActivation : IActivationOperator
        {
            var expected = Array.ConvertAll(padded, TActivation.Invoke);
            if (Lanes16Vector512.IsHardwareAccelerated)
                Assert.That(Bits(Lanes<TActivation, Lanes16Vector512>()), Is.EqualTo(Bits(expected)), typeof(TActivation).Name + " 512");
            if (Lanes16Vector256.IsHardwareAccelerated)
                Assert.That(Bits(Lanes<TActivation, Lanes16Vector256>()), Is.EqualTo(Bits(expected)), typeof(TActivation).Name + " 256");
            if (Lanes16Vector128.IsHardwareAccelerated)
                Assert.That(Bits(Lanes<TActivation, Lanes16Vector128>()), Is.EqualTo(Bits(expected)), typeof(TActivation).Name + " 128");
        }

        float[] Lanes<TActivation, TLanes>() where TActivation : IActivationOperator where TLanes : struct, ILanes16<TLanes>
        {
            var result = new float[padded.Length];
            for (int i = 0; i < padded.Length; i += 16)
                TLanes.Store(TActivation.Invoke(TLanes.Load(ref padded[i])), ref result[i]);
            return result;
        }
    }

    [Test]
    public void Activations_AreAccurateAndBounded()
    {
        foreach (float z in Arguments())
        {
            double zd = z;
            Assert.That(TanhActivation.Invoke(z), Is.EqualTo(Math.Tanh(zd)).Within(2e-7), $"tanh({z})");
            Assert.That(SigmoidActivation.Invoke(z), Is.EqualTo(1 / (1 + Math.Exp(-zd))).Within(2e-7), $"sigmoid({z})");
            Assert.That(ReluActivation.Invoke(z), Is.EqualTo(Math.Clamp(zd, 0, 1)), $"relu({z})");
            Assert.That(IdentityActivation.Invoke(z), Is.EqualTo(Math.Clamp(zd, -1, 1)), $"identity({z})");
        }

        Assert.That(ActivationMath.Exp(1f), Is.EqualTo(Math.E).Within(Math.E * 3e-7));
        Assert.That(ActivationMath.Exp(-10f), Is.EqualTo(Math.Exp(-10)).Within(Math.Exp(-10) * 3e-7));
        Assert.That(ActivationMath.Exp(50f), Is.EqualTo(Math.Exp(50)).Within(Math.Exp(50) * 3e-7));
        Assert.That(TanhActivation.Invoke(1e-30f), Is.EqualTo(1e-30f), "odd polynomial keeps tiny arguments exact");
    }

    [Test]
    public void ActivationUpdate_IsTheLeakyMix_AndStaysInRange()
    {
        var x = new float[37];
        var z = new float[37];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = i % 3 == 0 ? 1f : -0.5f + i * 0.02f;
            z[i] = (i - 18) * 0.7f;
        }

        var expected = (float[])x.Clone();
        for (int i = 0; i < x.Length; i++)
            expected[i] = Math.Clamp((1f - 0.3f) * x[i] + 0.3f * TanhActivation.Invoke(z[i]), -1f, 1f);
        TopologyActivationKernels.Update(ActivationKind.Tanh, x, z, 0.3f);
        Assert.That(Bits(x), Is.EqualTo(Bits(expected)));
        Assert.That(x, Is.All.InRange(-1f, 1f));
    }

    [Test]
    public void KernelShapeErrors_Throw()
    {
        var w = new float[64];
        Assert.That(() => TopologyDenseKernels.RowDots(w, 64, new float[64], 20, new float[1]), Throws.ArgumentException);
        Assert.That(() => TopologyDenseKernels.RowDots(w, 64, new float[16], 32, new float[1]), Throws.ArgumentException);
        Assert.That(() => TopologyDenseKernels.RowDots(w, 64, new float[64], 64, new float[2]), Throws.ArgumentException);
        Assert.That(() => TopologyDenseKernels.PlasticityRows(w, new ulong[1], 64, new float[64], 64, 64, 1f, 0f, new int[1]),
            Throws.ArgumentException);
        // The sparse plasticity gathers x unchecked, so a column outside x must be refused first.
        var columns = Enumerable.Range(0, 16).ToArray();
        columns[9] = 40;
        Assert.That(() => TopologySparseKernels.PlasticityRow(columns, new float[16], new float[32], 0.5f, 0.1f, 0f),
            Throws.InstanceOf<ArgumentOutOfRangeException>());
        columns[9] = -1;
        Assert.That(() => TopologySparseKernels.PlasticityRow(columns, new float[16], new float[32], 0.5f, 0.1f, 0f),
            Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Gather_AllLaneSets_ReadTheIndexedValues()
    {
        var table = Enumerable.Range(0, 100).Select(k => k * 0.25f - 3f).ToArray();
        var indices = Enumerable.Range(0, 16).Select(l => (l * 37 + 11) % 100).ToArray();
        var expected = Array.ConvertAll(indices, k => table[k]);
        if (Lanes16Vector512.IsHardwareAccelerated)
            Assert.That(Gather<Lanes16Vector512>(), Is.EqualTo(expected), "512");
        if (Lanes16Vector256.IsHardwareAccelerated)
            Assert.That(Gather<Lanes16Vector256>(), Is.EqualTo(expected), "256");
        if (Lanes16Vector128.IsHardwareAccelerated)
            Assert.That(Gather<Lanes16Vector128>(), Is.EqualTo(expected), "128");

        unsafe float[] Gather<TLanes>() where TLanes : struct, ILanes16<TLanes>
        {
            var result = new float[16];
            fixed (float* pinned = table)
                TLanes.Store(TLanes.Gather(pinned, ref indices[0]), ref result[0]);
            return result;
        }
    }
}
