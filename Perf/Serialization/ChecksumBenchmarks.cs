using BenchmarkDotNet.Attributes;
using GrowNet.Ecs.Serialization.Checksums;

namespace GrowNet.Ecs.Perf.Serialization;

/// <summary>Checksum throughput over 64 MiB: CRC-32C (hardware) for world files, IEEE CRC-32 for .pool files, and a memcpy for scale.</summary>
[MemoryDiagnoser]
public class ChecksumBenchmarks
{
    private readonly byte[] data = new byte[64 << 20];
    private readonly byte[] copy = new byte[64 << 20];

    /// <summary>Fills the buffer with random bytes.</summary>
    [GlobalSetup]
    public void Setup() => new Random(1).NextBytes(data);

    /// <summary>CRC-32C of 64 MiB.</summary>
    [Benchmark(Baseline = true)]
    public uint Crc32C64MiB() => Crc32C.Compute(data);

    /// <summary>IEEE CRC-32 of 64 MiB.</summary>
    [Benchmark]
    public uint Crc32Ieee64MiB() => Crc32.Compute(data);

    /// <summary>A plain copy of 64 MiB (memory-bandwidth scale).</summary>
    [Benchmark]
    public int Copy64MiB()
    {
        data.AsSpan().CopyTo(copy);
        return copy[12345];
    }
}
