using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Perf.Topology;

/// <summary>
/// The memory-bandwidth reference of the topology suite: a STREAM-style triad
/// <c>a[i] = b[i] + s · c[i]</c> over three float arrays of N × N elements (each the size of a
/// dense W), split across the same worker pool and thread count as a world, in fixed blocks.
/// Bandwidth counts 12 B per element (two reads, one write), as STREAM does.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(TopologyBenchmarkConfig))]
public class MemoryBandwidthBenchmarks
{
    private const int BlockElements = 1 << 16;
    private float[] a = [];
    private float[] b = [];
    private float[] c = [];
    private WorkerPool pool = null!;

    /// <summary>N: each array holds N² floats.</summary>
    [Params(1024, 4096)]
    public int N { get; set; }

    /// <summary>Allocates and touches the arrays.</summary>
    [GlobalSetup]
    public void GlobalSetup()
    {
        int length = N * N;
        a = new float[length];
        b = new float[length];
        c = new float[length];
        b.AsSpan().Fill(1f);
        c.AsSpan().Fill(2f);
        pool = new WorkerPool(Environment.ProcessorCount);
        TopologyBandwidthRegistry.Set(TopologyBandwidthRegistry.Key(typeof(MemoryBandwidthBenchmarks), (nameof(N), N)), 12.0 * length);
        Triad();
    }

    /// <summary>Stops the workers.</summary>
    [GlobalCleanup]
    public void GlobalCleanup() => pool.Dispose();

    /// <summary>One sweep of the triad.</summary>
    [Benchmark(Description = "Triad a = b + s*c")]
    public void Triad() => pool.For(a.Length, BlockElements, new TriadBlocks(a, b, c, 3f));

    private readonly struct TriadBlocks : IRangeAction
    {
        private readonly float[] a;
        private readonly float[] b;
        private readonly float[] c;
        private readonly float scale;

        public TriadBlocks(float[] a, float[] b, float[] c, float scale)
        {
            this.a = a;
            this.b = b;
            this.c = c;
            this.scale = scale;
        }

        public void Execute(int start, int end)
        {
            ref float ra = ref MemoryMarshal.GetArrayDataReference(a);
            ref float rb = ref MemoryMarshal.GetArrayDataReference(b);
            ref float rc = ref MemoryMarshal.GetArrayDataReference(c);
            int i = start;
            if (Vector512.IsHardwareAccelerated)
            {
                var s = Vector512.Create(scale);
                for (; i + 16 <= end; i += 16)
                    (Vector512.LoadUnsafe(ref rb, (nuint)i) + s * Vector512.LoadUnsafe(ref rc, (nuint)i)).StoreUnsafe(ref ra, (nuint)i);
            }
            else if (Vector256.IsHardwareAccelerated)
            {
                var s = Vector256.Create(scale);
                for (; i + 8 <= end; i += 8)
                    (Vector256.LoadUnsafe(ref rb, (nuint)i) + s * Vector256.LoadUnsafe(ref rc, (nuint)i)).StoreUnsafe(ref ra, (nuint)i);
            }

            for (; i < end; i++)
                Unsafe.Add(ref ra, i) = Unsafe.Add(ref rb, i) + scale * Unsafe.Add(ref rc, i);
        }
    }
}
