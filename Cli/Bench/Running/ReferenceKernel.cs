using System.Runtime.CompilerServices;

namespace GrowNet.Ecs.Cli.Bench.Running;

/// <summary>
/// The reference kernel timed before every sample, so a comparison can divide workload time by
/// machine speed measured in the same seconds: a fixed CSR scatter (65 536 rows × 8 edges into a
/// 1 MiB target, columns from a fixed LCG; four passes) and a sweep over a 16 MiB array. Single
/// threaded, allocation-free, deterministic; one iteration takes a few milliseconds. Its
/// definition is part of the report (<see cref="Description"/>): results made with a different
/// reference cannot be normalised against each other.
/// </summary>
public sealed class ReferenceKernel
{
    /// <summary>What the kernel is; stored in reports.</summary>
    public const string Description = "csr-scatter 65536x8 into 262144 floats x4 + sweep 4194304 ints (v1)";

    private const int Rows = 65536, EdgesPerRow = 8, Targets = 262_144, SweepLength = 4_194_304, ScatterPasses = 4;
    private readonly int[] columns = new int[Rows * EdgesPerRow];
    private readonly float[] weights = new float[Rows * EdgesPerRow];
    private readonly float[] source = new float[Rows];
    private readonly float[] target = new float[Targets];
    private readonly int[] sweep = new int[SweepLength];

    /// <summary>Builds the fixed matrix and arrays.</summary>
    public ReferenceKernel()
    {
        uint state = 12345;
        for (int e = 0; e < columns.Length; e++)
        {
            state = state * 1664525u + 1013904223u;
            columns[e] = (int)(state >> 14) & (Targets - 1);
            weights[e] = ((state >> 8) & 0xFF) / 256f;
        }

        for (int r = 0; r < Rows; r++)
            source[r] = (r & 7) * 0.125f;
        for (int i = 0; i < sweep.Length; i++)
            sweep[i] = i * 7;
    }

    /// <summary>One iteration; returns a checksum of its work.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public long Run()
    {
        Array.Clear(target);
        for (int pass = 0; pass < ScatterPasses; pass++)
            Scatter();
        long sum = 0;
        foreach (int value in sweep)
            sum += value;
        return sum + (long)target[0];
    }

    private void Scatter()
    {
        var cols = columns.AsSpan();
        var w = weights.AsSpan();
        var y = target.AsSpan();
        for (int r = 0; r < Rows; r++)
        {
            float x = source[r];
            int start = r * EdgesPerRow;
            for (int e = start; e < start + EdgesPerRow; e++)
                y[cols[e]] += w[e] * x;
        }
    }
}
