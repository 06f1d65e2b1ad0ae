using GrowNet.Ecs.Cli.Demos;
using System.Buffers.Binary;
using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Serialization;
using GrowNet.Ecs.Serialization.Checksums;
using GrowNet.Ecs.Serialization.PoolFiles;
using GrowNet.Ecs.Serialization.Worlds;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Pool;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Serialization.Worlds;

/// <summary>world-format.md: round trip, exact continuation, damage, atomicity, cross-format.</summary>
public class WorldCodecTests
{
    /// <summary>A world with two pools, a destroyed entity (free slots) and held input.</summary>
    private static World PoolWorld(ulong seed = 5)
    {
        var world = Pipeline.CreateWorld(seed);
        var doomed = NeuronPool.Create(world, "doomed", PoolDefinition.Empty(4, PoolConfig.Default));
        var a = NeuronPool.Create(world, "alpha", PoolDefinition.Compat(48, 0.1f, PoolConfig.Default));
        var b = NeuronPool.Create(world, "beta", PoolDefinition.Standard(40, 0.1, PoolLearningDemo.Config));
        world.Destroy(doomed.Entity);
        a.SetInputRange(0, 10, 9000);
        b.SetInputRange(0, 6, 12000);
        return world;
    }

    private static void Run(World world, int ticks, bool plasticity)
    {
        for (int t = 0; t < ticks; t++)
        {
            world.Step();
            if (plasticity && world.Tick % 25 == 0)
            {
                foreach (var pool in NeuronPool.All(world))
                {
                    pool.ApplyModulation(200, 40, 100);
                    pool.Synaptogenesis(200);
                    pool.PruneDead();
                }
            }
        }
    }

    [Test]
    public void RoundTrip_SaveLoadSave_GivesIdenticalBytes()
    {
        using var world = PoolWorld();
        Run(world, 37, plasticity: true);
        var first = WorldCodec.ToBytes(world);
        using var loaded = WorldCodec.Load(new MemoryStream(first));
        Assert.That(WorldCodec.ToBytes(loaded), Is.EqualTo(first));
        Assert.That(loaded.Tick, Is.EqualTo(world.Tick));
        Assert.That(NeuronPool.All(loaded).Select(p => p.Name), Is.EqualTo(new[] { "alpha", "beta" }));
    }

    [Test]
    public void SavedBytes_AreCanonical_WhateverWasReadBefore()
    {
        using var read = PoolWorld();
        using var unread = PoolWorld();
        Run(read, 30, plasticity: false);
        Run(unread, 30, plasticity: false);
        foreach (var pool in NeuronPool.All(read))
            _ = pool.Stats(); // brings lazily decayed eligibility up to date in one world only
        Run(read, 7, plasticity: false);
        Run(unread, 7, plasticity: false);
        Assert.That(WorldCodec.ToBytes(read), Is.EqualTo(WorldCodec.ToBytes(unread)));
    }

    [Test]
    public void RoundTrip_EmptyWorld()
    {
        using var world = Pipeline.CreateWorld(9);
        var bytes = WorldCodec.ToBytes(world);
        using var loaded = WorldCodec.Load(new MemoryStream(bytes));
        Assert.That(loaded.Seed, Is.EqualTo(9UL));
        Assert.That(loaded.EntityCount, Is.EqualTo(0));
        Assert.That(WorldCodec.ToBytes(loaded), Is.EqualTo(bytes));
    }

    [TestCase(0, 120)]
    [TestCase(13, 90)]
    [TestCase(100, 101)]
    public void Continuation_T1_Save_Load_T2_EqualsUninterrupted(int t1, int t2)
    {
        using var straight = PoolWorld();
        Run(straight, t1 + t2, plasticity: true);

        using var first = PoolWorld();
        Run(first, t1, plasticity: true);
        using var resumed = WorldCodec.Load(new MemoryStream(WorldCodec.ToBytes(first)));
        Run(resumed, t2, plasticity: true);

        Assert.That(WorldCodec.ToBytes(resumed), Is.EqualTo(WorldCodec.ToBytes(straight)));
    }

    [Test]
    public void Continuation_ResumedWorld_CreatesEntitiesInTheSameSlots()
    {
        using var straight = PoolWorld();
        using var resumed = WorldCodec.Load(new MemoryStream(WorldCodec.ToBytes(PoolWorld())));
        var x = NeuronPool.Create(straight, "late", PoolDefinition.Empty(3, PoolConfig.Default));
        var y = NeuronPool.Create(resumed, "late", PoolDefinition.Empty(3, PoolConfig.Default));
        Assert.That(y.Entity, Is.EqualTo(x.Entity));
        Assert.That(WorldCodec.ToBytes(resumed), Is.EqualTo(WorldCodec.ToBytes(straight)));
    }

    [Test]
    public void Load_FromForwardOnlyStream()
    {
        using var world = PoolWorld();
        var bytes = WorldCodec.ToBytes(world);
        using var loaded = WorldCodec.Load(new ForwardOnlyStream(bytes));
        Assert.That(WorldCodec.ToBytes(loaded), Is.EqualTo(bytes));
    }

    private static byte[] SmallWorldBytes()
    {
        using var world = Pipeline.CreateWorld(1);
        var pool = NeuronPool.Create(world, "s", PoolDefinition.Compat(6, 0.3f, PoolConfig.Default));
        pool.SetInputRange(0, 2, 9000);
        Run(world, 3, plasticity: false);
        return WorldCodec.ToBytes(world);
    }

    [Test]
    public void Damage_TruncatedAtEveryOffset_ThrowsWorldFormatException()
    {
        var bytes = SmallWorldBytes();
        for (int cut = 0; cut < bytes.Length; cut++)
        {
            var truncated = bytes[..cut];
            Assert.That(() => WorldCodec.Load(new MemoryStream(truncated)).Dispose(),
                Throws.TypeOf<WorldFormatException>().With.Message.Not.Empty, $"cut at {cut}");
        }
    }

    [Test]
    public void Damage_EveryBitOfEveryHeaderAndTrailer_ThrowsWorldFormatException()
    {
        var bytes = SmallWorldBytes();
        var surgeon = WorldFileSurgeon.Parse(bytes);
        var headerRanges = new List<(int Start, int Length)> { (0, WorldFileSurgeon.HeaderSize), (bytes.Length - WorldFileSurgeon.TrailerSize, WorldFileSurgeon.TrailerSize) };
        headerRanges.AddRange(surgeon.Sections.Select(s => ((int)s.HeaderOffset, WorldFileSurgeon.SectionHeaderSize)));
        int cases = 0;
        foreach (var (start, length) in headerRanges)
        {
            for (int bit = 0; bit < length * 8; bit++)
            {
                var damaged = (byte[])bytes.Clone();
                damaged[start + bit / 8] ^= (byte)(1 << (bit % 8));
                Assert.That(() => WorldCodec.Load(new MemoryStream(damaged)).Dispose(), Throws.TypeOf<WorldFormatException>(), $"bit {bit} of the header at {start}");
                cases++;
            }
        }

        Assert.That(cases, Is.GreaterThan(1000));
    }

    [Test]
    public void Damage_RandomFlipsInPayloads_ThrowWorldFormatException()
    {
        var bytes = SmallWorldBytes();
        var random = new Random(1234);
        for (int i = 0; i < 3000; i++)
        {
            var damaged = (byte[])bytes.Clone();
            int flips = 1 + random.Next(4);
            for (int f = 0; f < flips; f++)
            {
                if (random.Next(2) == 0)
                    damaged[random.Next(damaged.Length)] ^= (byte)(1 << random.Next(8));
                else
                    damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
            }

            if (damaged.AsSpan().SequenceEqual(bytes))
                continue;
            Assert.That(() => WorldCodec.Load(new MemoryStream(damaged)).Dispose(), Throws.TypeOf<WorldFormatException>(), $"case {i}");
        }
    }

    [Test]
    public void Damage_RandomAndEmptyInput_ThrowWorldFormatException()
    {
        var random = new Random(5);
        Assert.That(() => WorldCodec.Load(new MemoryStream([])), Throws.TypeOf<WorldFormatException>().With.Message.Contains("shorter"));
        for (int i = 0; i < 500; i++)
        {
            var noise = new byte[random.Next(1, 400)];
            random.NextBytes(noise);
            if (i % 2 == 0 && noise.Length >= 8)
                "GROWNETW"u8.CopyTo(noise);
            Assert.That(() => WorldCodec.Load(new MemoryStream(noise)).Dispose(), Throws.TypeOf<WorldFormatException>());
        }
    }

    [Test]
    public void Damage_HugeLengthField_IsRejectedBeforeAllocation()
    {
        var bytes = SmallWorldBytes();
        var surgeon = WorldFileSurgeon.Parse(bytes);
        // Rewrite the first section header with a length of 2^60 and a valid header checksum.
        int at = (int)surgeon.Sections[0].HeaderOffset;
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(at + 12), 1UL << 60);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at + 24), Crc32C.Compute(bytes.AsSpan(at, 24)));
        long before = GC.GetAllocatedBytesForCurrentThread();
        Assert.That(() => WorldCodec.Load(new MemoryStream(bytes)), Throws.TypeOf<WorldFormatException>().With.Message.Contains("claims"));
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.LessThan(1 << 20));
    }

    [Test]
    public void Damage_HugeRowCount_IsRejectedBeforeAllocation()
    {
        var surgeon = WorldFileSurgeon.Parse(SmallWorldBytes());
        var table = surgeon.Sections.First(s => s.Kind == 5 && s.Payload[0] == 0);
        BinaryPrimitives.WriteInt32LittleEndian(table.Payload.AsSpan(9), int.MaxValue);
        var crafted = surgeon.Emit();
        Assert.That(() => WorldCodec.Load(new MemoryStream(crafted)), Throws.TypeOf<WorldFormatException>().With.Message.Contains("rows"));
    }

    [Test]
    public void Versions_NewerMajorIsRejected_UnknownOptionalSkipped_UnknownRequiredRejected()
    {
        var bytes = SmallWorldBytes();
        var surgeon = WorldFileSurgeon.Parse(bytes);
        Assert.That(() => WorldCodec.Load(new MemoryStream(surgeon.Emit(major: 3))),
            Throws.TypeOf<WorldFormatException>().With.Message.Contains("Unsupported format version 3"));

        surgeon.Sections.Insert(3, new WorldFileSurgeon.Section { Kind = 900, Flags = 1, Payload = [1, 2, 3] });
        using (var loaded = WorldCodec.Load(new MemoryStream(surgeon.Emit())))
            Assert.That(WorldCodec.ToBytes(loaded), Is.EqualTo(bytes));

        surgeon.Sections[3].Flags = 0;
        Assert.That(() => WorldCodec.Load(new MemoryStream(surgeon.Emit())),
            Throws.TypeOf<WorldFormatException>().With.Message.Contains("unknown required kind"));
    }

    [Test]
    public void Semantics_CsrViolation_IsRejectedAfterChecksums()
    {
        var surgeon = WorldFileSurgeon.Parse(SmallWorldBytes());
        // The catalog names the synapse column; find its column section and point a target outside the pool.
        var catalog = surgeon.Sections.First(s => s.Kind == 2);
        int synapseIndex = CatalogIndex(catalog.Payload, "pool.synapse");
        var synapses = surgeon.Sections.First(s => s.Kind == 6 && s.SubId == synapseIndex);
        BinaryPrimitives.WriteUInt16LittleEndian(synapses.Payload, 999);
        Assert.That(() => WorldCodec.Load(new MemoryStream(surgeon.Emit())),
            Throws.TypeOf<WorldFormatException>().With.Message.Contains("outside the pool"));
    }

    private static int CatalogIndex(byte[] payload, string name)
    {
        int count = BinaryPrimitives.ReadInt32LittleEndian(payload);
        int at = 4;
        for (int i = 0; i < count; i++)
        {
            at += 4;
            int length = BinaryPrimitives.ReadInt32LittleEndian(payload.AsSpan(at));
            string entry = System.Text.Encoding.UTF8.GetString(payload, at + 4, length);
            at += 4 + length;
            if (entry == name)
                return i;
        }

        throw new InvalidOperationException($"{name} is not in the catalog.");
    }

    [Test]
    public void Atomicity_SaveFailingMidway_LeavesTheExistingFileIntact()
    {
        string folder = Path.Combine(Path.GetTempPath(), "grownet-gnw-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string path = Path.Combine(folder, "world.gnw");
            using var world = PoolWorld();
            WorldCodec.SaveFile(world, path);
            var original = File.ReadAllBytes(path);
            Run(world, 10, plasticity: false);
            foreach (int failAfter in new[] { 0, 1, 100, original.Length / 2, original.Length - 1 })
            {
                Assert.That(() => AtomicFile.Write(path, stream => WorldCodec.Save(world, new FailingStream(stream, failAfter))),
                    Throws.TypeOf<IOException>());
                Assert.That(File.ReadAllBytes(path), Is.EqualTo(original));
                Assert.That(Directory.GetFiles(folder), Is.EqualTo(new[] { path }));
            }

            using var reloaded = WorldCodec.LoadFile(path);
            Assert.That(WorldCodec.ToBytes(reloaded), Is.EqualTo(original));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void CrossFormat_PoolOnlyWorld_ExportsToPoolFile_WithGoldenValues()
    {
        using var world = Pipeline.CreateWorld();
        PoolLearningDemo.CreatePool(world);
        using var loaded = WorldCodec.Load(new MemoryStream(WorldCodec.ToBytes(world)));
        var pool = NeuronPool.All(loaded).Single();
        using var stream = new MemoryStream();
        PoolFile.Export(pool, stream);
        var file = stream.ToArray();
        // pool.md, "Golden values": the fresh demo pool is 4620 bytes with body CRC 0xDA238FB7.
        Assert.That(file.Length, Is.EqualTo(4620));
        Assert.That(BitConverter.ToUInt32(file, 12), Is.EqualTo(0xDA238FB7u));
        using var back = Pipeline.CreateWorld();
        var imported = PoolFile.Import(back, new MemoryStream(file));
        Assert.That(imported.Stats().Synapses, Is.EqualTo(517));
    }

    [Test]
    public void Inspect_ReportsSectionsAndPopulations_OrTheProblem()
    {
        using var world = PoolWorld();
        Run(world, 5, plasticity: false);
        var bytes = WorldCodec.ToBytes(world);
        var report = WorldCodec.Inspect(new MemoryStream(bytes));
        Assert.That(report.IsValid, Is.True, report.Error);
        Assert.That(report.FormatMajor, Is.EqualTo(2));
        Assert.That(report.Tick, Is.EqualTo(5UL));
        Assert.That(report.Sections.Count, Is.EqualTo(BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(16))));
        Assert.That(report.Populations, Has.Some.Contains("pool 'alpha': 48 cells"));

        bytes[bytes.Length / 2] ^= 0x10;
        var damaged = WorldCodec.Inspect(new MemoryStream(bytes));
        Assert.That(damaged.IsValid, Is.False);
        Assert.That(damaged.Error, Does.Contain("hecksum"));
    }

    private sealed class FailingStream(Stream inner, long failAfter) : Stream
    {
        private long written;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (written + buffer.Length > failAfter)
            {
                int part = (int)Math.Max(0, failAfter - written);
                inner.Write(buffer[..part]);
                written += part;
                throw new IOException($"Simulated failure after {failAfter} bytes.");
            }

            inner.Write(buffer);
            written += buffer.Length;
        }
    }
}
