using GrowNet.Ecs.Systems.Graph;
using GrowNet.Ecs.Systems.Lanes;
using GrowNet.Ecs.Tests.Systems.Lanes;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Graph;

/// <summary>
/// graph.md, Tick step 1 (Hidden: <c>next = tanh(z)</c>) and docs/graph.md "tanh": the vectorised
/// activation is the float of <see cref="Math.Tanh"/> for every float argument, at every width.
/// </summary>
public class GraphTanhTests
{
    /// <summary>Every 4 093rd float bit pattern, plus the neighbourhoods of the tiny and saturation limits and the specials.</summary>
    private static float[] Sample()
    {
        var values = new List<float>();
        for (long bits = 0; bits <= uint.MaxValue; bits += 4093)
            values.Add(BitConverter.Int32BitsToSingle((int)(uint)bits));
        foreach (float centre in new[] { 1f / 8192, 9.5f, 9.0f, 0.5f, 1f, 0f, float.Epsilon })
        {
            int c = BitConverter.SingleToInt32Bits(centre);
            for (int d = -2000; d <= 2000; d++)
            {
                values.Add(BitConverter.Int32BitsToSingle(c + d));
                values.Add(-BitConverter.Int32BitsToSingle(c + d));
            }
        }

        values.AddRange([float.PositiveInfinity, float.NegativeInfinity, float.NaN, float.MaxValue, -float.MaxValue, -0f]);
        return values.ToArray();
    }

    [Test]
    public void Evaluate_IsTheFloatOfMathTanh_OnASampleOfEveryFloat()
    {
        int mismatches = 0;
        foreach (float z in Sample())
        {
            if (BitConverter.SingleToInt32Bits(GraphTanh.Evaluate(z)) != BitConverter.SingleToInt32Bits((float)Math.Tanh(z)))
                mismatches++;
        }

        Assert.That(mismatches, Is.EqualTo(0));
    }

    [Test]
    public void Evaluate_KeepsTheSignOfZero_AndSaturates()
    {
        Assert.That(BitConverter.SingleToInt32Bits(GraphTanh.Evaluate(-0f)), Is.EqualTo(BitConverter.SingleToInt32Bits(-0f)));
        Assert.That(GraphTanh.Evaluate(float.PositiveInfinity), Is.EqualTo(1f));
        Assert.That(GraphTanh.Evaluate(-40f), Is.EqualTo(-1f));
        Assert.That(float.IsNaN(GraphTanh.Evaluate(float.NaN)), Is.True);
    }

    [Test]
    public void Apply_EqualsTheScalarPath_AtEveryWidth([ValueSource(typeof(Float64Widths), nameof(Float64Widths.All))] int width)
        => Float64Widths.Run(width, new ApplyCheck());

    [Test]
    [Explicit("Every one of the 2^32 float arguments: minutes on one core. .ci/run runs it by name as a host check, so every CI run executes it.")]
    public void Apply_IsTheFloatOfMathTanh_ForEveryFloat()
    {
        long mismatches = 0;
        var buffer = new float[1 << 16];
        for (long block = 0; block < 1L << 16; block++)
        {
            for (int i = 0; i < buffer.Length; i++)
                buffer[i] = BitConverter.Int32BitsToSingle((int)(uint)((block << 16) | (uint)i));
            var arguments = (float[])buffer.Clone();
            GraphTanh.Apply(buffer);
            for (int i = 0; i < buffer.Length; i++)
            {
                if (BitConverter.SingleToInt32Bits(buffer[i]) != BitConverter.SingleToInt32Bits((float)Math.Tanh(arguments[i])))
                    mismatches++;
            }
        }

        Assert.That(mismatches, Is.EqualTo(0));
    }

    private sealed class ApplyCheck : IFloat64WidthCheck
    {
        public void Run<TLanes>() where TLanes : struct, IFloat64Lanes<TLanes>
        {
            var arguments = Sample();
            var values = (float[])arguments.Clone();
            GraphTanh.Apply<TLanes>(values);
            int mismatches = 0;
            for (int i = 0; i < values.Length; i++)
            {
                if (BitConverter.SingleToInt32Bits(values[i]) != BitConverter.SingleToInt32Bits(GraphTanh.Evaluate(arguments[i])))
                    mismatches++;
            }

            Assert.That(mismatches, Is.EqualTo(0), $"{TLanes.Count} lanes");
        }
    }
}
