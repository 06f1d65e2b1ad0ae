using System.Buffers.Binary;
using System.Text;
using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Serialization.Checksums;
using GrowNet.Ecs.Serialization.PoolFiles;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Serialization.PoolFiles;

[TestFixture]
public sealed class PoolFileCodecTests
{
    private const int HeaderSize = 16;

    // ---- Builders -------------------------------------------------------------------------

    /// <summary>A pool as neuropool 0.1 creates it with no synapses (pool.md, Data: Dale split, RS/FS).</summary>
    private static PoolFileImage FreshImage(string name, int cellCount)
    {
        PoolConfig config = PoolConfig.Default;
        int excitatory = cellCount * 4 / 5;
        return new PoolFileImage
        {
            Name = name,
            CellCount = cellCount,
            ExcitatoryCount = (uint)excitatory,
            InhibitoryCount = (uint)(cellCount - excitatory),
            TickCount = 0,
            Config = config,
            Membrane = Enumerable.Repeat(config.Resting, cellCount).ToArray(),
            Threshold = Enumerable.Repeat(config.SpikeThreshold, cellCount).ToArray(),
            Leak = Enumerable.Range(0, cellCount).Select(cell => cell < excitatory ? (byte)4 : (byte)8).ToArray(),
            Refract = new byte[cellCount],
            Flags = Enumerable.Range(0, cellCount).Select(cell => cell < excitatory ? (byte)0x00 : (byte)0x03).ToArray(),
            Trace = new sbyte[cellCount],
            SpikeOut = new byte[cellCount],
            RowPointer = new uint[cellCount + 1],
            Synapses = [],
        };
    }

    /// <summary>neuropool 0.1's compat random construction (pool.md, Random construction).</summary>
    private static PoolFileImage CompatConnectedImage(string name, int cellCount, float density)
    {
        PoolFileImage image = FreshImage(name, cellCount);
        ulong state = 0xDEADBEEFCAFE1337UL ^ (ulong)cellCount;
        uint Next()
        {
            state = unchecked(state * 6364136223846793005UL + 1442695040888963407UL);
            return (uint)(state >> 33);
        }

        uint threshold = (uint)(density * 4294967296.0f);
        var synapses = new List<Synapse>();
        for (int source = 0; source < cellCount; source++)
        {
            image.RowPointer[source] = (uint)synapses.Count;
            int rowCount = 0;
            for (int target = 0; target < cellCount; target++)
            {
                if (target == source)
                    continue;
                if (rowCount >= image.Config.MaxSynapsesPerNeuron)
                    break;
                if (Next() >= threshold)
                    continue;
                int magnitude = (int)(Next() % 60 + 10);
                byte delay = (byte)(Next() % image.Config.MaxDelay + 1);
                sbyte weight = (sbyte)(source < image.ExcitatoryCount ? magnitude : -magnitude);
                synapses.Add(new Synapse((ushort)target, weight, delay, 0, Maturity.New));
                rowCount++;
            }
        }

        image.RowPointer[cellCount] = (uint)synapses.Count;
        image.Synapses = synapses.ToArray();
        return image;
    }

    /// <summary>Random contents everywhere, with a valid CSR structure.</summary>
    private static PoolFileImage RandomImage(Random random, int cellCount, int maxRowLength)
    {
        byte maxDelay = (byte)random.Next(1, 256);
        var image = new PoolFileImage
        {
            Name = "pool-" + random.Next() + (random.Next(2) == 0 ? "" : " ünïcødé ✓"),
            CellCount = cellCount,
            ExcitatoryCount = (uint)random.Next(0, cellCount + 1),
            TickCount = (ulong)random.NextInt64() * 3,
            Config = new PoolConfig
            {
                Resting = (short)random.Next(short.MinValue, short.MaxValue + 1),
                SpikeThreshold = (short)random.Next(short.MinValue, short.MaxValue + 1),
                Reset = (short)random.Next(short.MinValue, short.MaxValue + 1),
                RefractoryTicks = (byte)random.Next(256),
                TraceDecay = (byte)random.Next(256),
                HomeostaticRate = (byte)random.Next(256),
                MaxSynapsesPerNeuron = (ushort)random.Next(65536),
                StdpPositive = (sbyte)random.Next(-128, 128),
                StdpNegative = (sbyte)random.Next(-128, 128),
                MaxDelay = maxDelay,
            },
            Membrane = RandomArray(random, cellCount, r => (short)r.Next(short.MinValue, short.MaxValue + 1)),
            Threshold = RandomArray(random, cellCount, r => (short)r.Next(short.MinValue, short.MaxValue + 1)),
            Leak = RandomArray(random, cellCount, r => (byte)r.Next(256)),
            Refract = RandomArray(random, cellCount, r => (byte)r.Next(256)),
            Flags = RandomArray(random, cellCount, r => (byte)r.Next(256)),
            Trace = RandomArray(random, cellCount, r => (sbyte)r.Next(-128, 128)),
            SpikeOut = RandomArray(random, cellCount, r => (byte)r.Next(2)),
            RowPointer = new uint[cellCount + 1],
        };
        image.InhibitoryCount = (uint)cellCount - image.ExcitatoryCount;

        var synapses = new List<Synapse>();
        for (int source = 0; source < cellCount; source++)
        {
            image.RowPointer[source] = (uint)synapses.Count;
            int rowLength = random.Next(0, maxRowLength + 1);
            for (int k = 0; k < rowLength; k++)
            {
                synapses.Add(new Synapse(
                    (ushort)random.Next(cellCount), (sbyte)random.Next(-128, 128), (byte)random.Next(1, maxDelay + 1),
                    (sbyte)random.Next(-128, 128), (byte)random.Next(256)) { Reserved = (ushort)random.Next(65536) });
            }
        }

        image.RowPointer[cellCount] = (uint)synapses.Count;
        image.Synapses = synapses.ToArray();
        return image;
    }

    private static T[] RandomArray<T>(Random random, int length, Func<Random, T> next)
    {
        var values = new T[length];
        for (int i = 0; i < length; i++)
            values[i] = next(random);
        return values;
    }

    /// <summary>A small valid file with a few synapses: name "dmg", N = 5, 4 synapses.</summary>
    private static PoolFileImage SmallImage()
    {
        PoolFileImage image = FreshImage("dmg", 5);
        image.TickCount = 77;
        image.RowPointer = [0, 2, 2, 3, 4, 4];
        image.Synapses =
        [
            new Synapse(1, 30, 1, 0, Maturity.New),
            new Synapse(4, 12, 8, 3, Maturity.New),
            new Synapse(0, 45, 3, -2, Maturity.New),
            new Synapse(2, -20, 2, 0, Maturity.New),
        ];
        return image;
    }

    // Offsets inside the SmallImage file, from the layout in pool.md.
    private const int SmallNameLength = 3;
    private const int SmallCells = 5;
    private const int SmallBodyCellCountOffset = HeaderSize + 2 + SmallNameLength;
    private const int SmallExcitatoryOffset = SmallBodyCellCountOffset + 4;
    private const int SmallMaxDelayOffset = SmallBodyCellCountOffset + 20 + 13;
    private const int SmallSecondCellCountOffset = SmallBodyCellCountOffset + 20 + 14 + 9 * SmallCells;
    private const int SmallRowPointerOffset = SmallSecondCellCountOffset + 4;
    private const int SmallSynapseCountOffset = SmallRowPointerOffset + 4 * (SmallCells + 1);
    private const int SmallSynapsesOffset = SmallSynapseCountOffset + 4;

    /// <summary>Makes the header CRC agree with the (edited) body, so the structural checks are reached.</summary>
    private static byte[] WithFixedCrc(byte[] file)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(12), Crc32.Compute(file.AsSpan(HeaderSize)));
        return file;
    }

    private static void AssertSameImage(PoolFileImage actual, PoolFileImage expected)
    {
        Assert.That(actual.Name, Is.EqualTo(expected.Name));
        Assert.That(actual.CellCount, Is.EqualTo(expected.CellCount));
        Assert.That(actual.ExcitatoryCount, Is.EqualTo(expected.ExcitatoryCount));
        Assert.That(actual.InhibitoryCount, Is.EqualTo(expected.InhibitoryCount));
        Assert.That(actual.TickCount, Is.EqualTo(expected.TickCount));
        Assert.That(actual.Config, Is.EqualTo(expected.Config));
        Assert.That(actual.Membrane, Is.EqualTo(expected.Membrane));
        Assert.That(actual.Threshold, Is.EqualTo(expected.Threshold));
        Assert.That(actual.Leak, Is.EqualTo(expected.Leak));
        Assert.That(actual.Refract, Is.EqualTo(expected.Refract));
        Assert.That(actual.Flags, Is.EqualTo(expected.Flags));
        Assert.That(actual.Trace, Is.EqualTo(expected.Trace));
        Assert.That(actual.SpikeOut, Is.EqualTo(expected.SpikeOut));
        Assert.That(actual.RowPointer, Is.EqualTo(expected.RowPointer));
        Assert.That(actual.Synapses, Is.EqualTo(expected.Synapses));
    }

    /// <summary>A stream that serves a prefix and then zeros forever.</summary>
    private sealed class EndlessStream(byte[] prefix) : Stream
    {
        private long _position;
        public long BytesServed => _position;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
                buffer[offset + i] = _position + i < prefix.Length ? prefix[_position + i] : (byte)0;
            _position += count;
            return count;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    // ---- Golden values --------------------------------------------------------------------

    [Test]
    public void EmptyTestPoolMatchesGoldenLengthAndHeader()
    {
        // pool.md, Golden values: `.pool` of an empty pool named "test_pool", N=100: 1373 bytes,
        // header 504f4f4c 0100 0000 64000000 ae4daa38 (body CRC 0x38AA4DAE).
        byte[] file = PoolFileCodec.ToBytes(FreshImage("test_pool", 100));

        Assert.That(file.Length, Is.EqualTo(1373));
        Assert.That(Convert.ToHexString(file.AsSpan(0, HeaderSize)), Is.EqualTo("504F4F4C010000006400000" + "0AE4DAA38"));
        Assert.That(Crc32.Compute(file.AsSpan(HeaderSize)), Is.EqualTo(0x38AA4DAEu));
    }

    [Test]
    public void CompatGeneratorReproducesGoldenSynapseCount()
    {
        // pool.md, Golden values: construction N=32, density 0.25 gives 517 synapses and source 0
        // starts (3,39,2) (4,25,8); checks the generator the next golden test relies on.
        PoolFileImage image = CompatConnectedImage("x", 32, 0.25f);

        Assert.That(image.Synapses.Length, Is.EqualTo(517));
        Assert.That(image.Synapses[0], Is.EqualTo(new Synapse(3, 39, 2, 0, Maturity.New)));
        Assert.That(image.Synapses[1], Is.EqualTo(new Synapse(4, 25, 8, 0, Maturity.New)));
    }

    [Test]
    public void ConnectedCompatPoolMatchesGoldenLengthAndCrc()
    {
        // pool.md, Golden values: a fresh compat pool "connected" N=50 density 0.05 (247 synapses):
        // 2699 bytes, body CRC 0xB3C469F1. Covers the synapse bytes, which the empty pool lacks.
        PoolFileImage image = CompatConnectedImage("connected", 50, 0.05f);
        byte[] file = PoolFileCodec.ToBytes(image);

        Assert.That(image.Synapses.Length, Is.EqualTo(247));
        Assert.That(file.Length, Is.EqualTo(2699));
        Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(12)), Is.EqualTo(0xB3C469F1u));
    }

    [Test]
    public void WriteToStreamProducesTheSameBytesAsToBytes()
    {
        PoolFileImage image = RandomImage(new Random(5), 40, 6);
        using var stream = new MemoryStream();

        PoolFileCodec.Write(image, stream);

        Assert.That(stream.ToArray(), Is.EqualTo(PoolFileCodec.ToBytes(image)));
    }

    // ---- Round trips ----------------------------------------------------------------------

    [Test]
    public void RoundTripPreservesEveryFieldOfRandomImages()
    {
        var random = new Random(2024);
        foreach (int cellCount in new[] { 1, 2, 7, 64, 300, 1000 })
        {
            PoolFileImage image = RandomImage(random, cellCount, 12);
            byte[] file = PoolFileCodec.ToBytes(image);

            AssertSameImage(PoolFileCodec.Read(file), image);
        }
    }

    [Test]
    public void RoundTripThroughSeekableAndForwardOnlyStreams()
    {
        PoolFileImage image = RandomImage(new Random(7), 257, 20);
        using var written = new MemoryStream();
        PoolFileCodec.Write(image, written);
        byte[] file = written.ToArray();

        AssertSameImage(PoolFileCodec.Read(new MemoryStream(file)), image);
        AssertSameImage(PoolFileCodec.Read(new ForwardOnlyStream(new MemoryStream(file))), image);
    }

    [Test]
    public void RoundTripOfLargestCellCount()
    {
        var random = new Random(11);
        PoolFileImage image = RandomImage(random, 65536, 1);

        AssertSameImage(PoolFileCodec.Read(PoolFileCodec.ToBytes(image)), image);
    }

    [Test]
    public void RoundTripOfGoldenEmptyPool()
    {
        PoolFileImage image = FreshImage("test_pool", 100);

        AssertSameImage(PoolFileCodec.Read(PoolFileCodec.ToBytes(image)), image);
    }

    // ---- Damage: every error is a PoolFormatException ---------------------------------------

    [Test]
    public void TruncationAtEveryOffsetIsRejected()
    {
        byte[] file = PoolFileCodec.ToBytes(SmallImage());

        for (int length = 0; length < file.Length; length++)
        {
            byte[] truncated = file[..length];
            Assert.That(() => PoolFileCodec.Read(truncated), Throws.TypeOf<PoolFormatException>(), $"span, length {length}");
            Assert.That(() => PoolFileCodec.Read(new ForwardOnlyStream(new MemoryStream(truncated))),
                Throws.TypeOf<PoolFormatException>(), $"stream, length {length}");
        }
    }

    [Test]
    public void TruncatedHeaderNamesTheOffset()
    {
        byte[] file = PoolFileCodec.ToBytes(SmallImage());

        Assert.That(() => PoolFileCodec.Read(file.AsSpan(0, 9)),
            Throws.TypeOf<PoolFormatException>().With.Message.Contains("Truncated at offset 9 while reading the 16-byte header"));
    }

    [Test]
    public void EverySingleBitFlipIsRejected()
    {
        byte[] file = PoolFileCodec.ToBytes(SmallImage());

        for (int bit = 0; bit < file.Length * 8; bit++)
        {
            byte[] damaged = (byte[])file.Clone();
            damaged[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.That(() => PoolFileCodec.Read(damaged), Throws.TypeOf<PoolFormatException>(), $"bit {bit}");
        }
    }

    [Test]
    public void RandomBytesAreRejected()
    {
        var random = new Random(31337);
        for (int trial = 0; trial < 2000; trial++)
        {
            var noise = new byte[random.Next(0, 400)];
            random.NextBytes(noise);
            if (trial % 2 == 1 && noise.Length >= HeaderSize)
            {
                // Half the trials get a plausible header so the body checks are reached too.
                "POOL"u8.CopyTo(noise);
                BinaryPrimitives.WriteUInt32LittleEndian(noise.AsSpan(4), 1);
                BinaryPrimitives.WriteUInt32LittleEndian(noise.AsSpan(8), (uint)random.Next(1, 70));
                WithFixedCrc(noise);
            }

            Assert.That(() => PoolFileCodec.Read(noise), Throws.TypeOf<PoolFormatException>(), $"trial {trial}");
        }
    }

    [Test]
    public void RandomEditsWithRepairedCrcNeverEscapeAsOtherExceptions()
    {
        // With the CRC fixed up, the structural checks are all that stand between the bytes and
        // the image: each edited file either reads cleanly or fails with PoolFormatException.
        var random = new Random(8);
        byte[] file = PoolFileCodec.ToBytes(SmallImage());
        int rejected = 0, read = 0;
        for (int trial = 0; trial < 5000; trial++)
        {
            byte[] edited = (byte[])file.Clone();
            int edits = random.Next(1, 4);
            for (int e = 0; e < edits; e++)
                edited[random.Next(HeaderSize, edited.Length)] = (byte)random.Next(256);
            WithFixedCrc(edited);

            try
            {
                PoolFileCodec.Read(edited);
                read++;
            }
            catch (PoolFormatException)
            {
                rejected++;
            }
        }

        // Any other exception type fails the test above; both outcomes must actually occur.
        Assert.That(rejected + read, Is.EqualTo(5000));
        Assert.That(rejected, Is.GreaterThan(0));
        Assert.That(read, Is.GreaterThan(0));
    }

    // ---- Precise messages -----------------------------------------------------------------

    [Test]
    public void BadMagicIsNamed()
    {
        byte[] file = PoolFileCodec.ToBytes(SmallImage());
        file[0] = (byte)'Q';

        Assert.That(() => PoolFileCodec.Read(file), Throws.TypeOf<PoolFormatException>().With.Message.Contains("Bad magic"));
    }

    [Test]
    public void UnsupportedVersionIsNamed()
    {
        byte[] file = PoolFileCodec.ToBytes(SmallImage());
        file[4] = 2;

        Assert.That(() => PoolFileCodec.Read(file),
            Throws.TypeOf<PoolFormatException>().With.Message.Contains("Unsupported .pool version 2"));
    }

    [Test]
    public void NonzeroFlagsAreNamed()
    {
        byte[] file = PoolFileCodec.ToBytes(SmallImage());
        file[7] = 0x80;

        Assert.That(() => PoolFileCodec.Read(file),
            Throws.TypeOf<PoolFormatException>().With.Message.Contains("Nonzero header flags 0x8000"));
    }

    [TestCase(0u)]
    [TestCase(65537u)]
    [TestCase(0xFFFFFFFFu)]
    public void HeaderCellCountOutOfRangeIsNamed(uint cellCount)
    {
        byte[] file = PoolFileCodec.ToBytes(SmallImage());
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(8), cellCount);

        Assert.That(() => PoolFileCodec.Read(file),
            Throws.TypeOf<PoolFormatException>().With.Message.Contains($"N = {cellCount} is outside 1..65536"));
    }

    [Test]
    public void CrcMismatchShowsBothValuesInHex()
    {
        byte[] file = PoolFileCodec.ToBytes(SmallImage());
        uint stored = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(12));
        file[^1] ^= 0x10;
        uint actual = Crc32.Compute(file.AsSpan(HeaderSize));

        Assert.That(() => PoolFileCodec.Read(file), Throws.TypeOf<PoolFormatException>()
            .With.Message.Contains($"0x{stored:X8}").And.Message.Contains($"0x{actual:X8}").And.Message.Contains("CRC-32 mismatch"));
    }

    [Test]
    public void HeaderAndBodyCellCountMismatchIsNamed()
    {
        byte[] file = PoolFileCodec.ToBytes(SmallImage());
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(8), 6);

        Assert.That(() => PoolFileCodec.Read(file),
            Throws.TypeOf<PoolFormatException>().With.Message.Contains("N mismatch: the header says N = 6"));
    }

    [Test]
    public void SecondCellCountMismatchIsNamed()
    {
        byte[] file = PoolFileCodec.ToBytes(SmallImage());
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(SmallSecondCellCountOffset), 4);

        Assert.That(() => PoolFileCodec.Read(WithFixedCrc(file)),
            Throws.TypeOf<PoolFormatException>().With.Message.Contains("N mismatch").And.Message.Contains("before rowPtr"));
    }

    [Test]
    public void DaleCountsNotAddingUpToNAreNamed()
    {
        byte[] file = PoolFileCodec.ToBytes(SmallImage());
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(SmallExcitatoryOffset), 5);

        Assert.That(() => PoolFileCodec.Read(WithFixedCrc(file)),
            Throws.TypeOf<PoolFormatException>().With.Message.Contains("do not add up to N = 5"));
    }

    [Test]
    public void InvalidUtf8NameIsNamed()
    {
        byte[] file = PoolFileCodec.ToBytes(SmallImage());
        file[HeaderSize + 2] = 0xC3;
        file[HeaderSize + 3] = 0x28;

        Assert.That(() => PoolFileCodec.Read(WithFixedCrc(file)),
            Throws.TypeOf<PoolFormatException>().With.Message.Contains("not valid UTF-8"));
    }

    [Test]
    public void ZeroMaxDelayIsNamed()
    {
        byte[] file = PoolFileCodec.ToBytes(SmallImage());
        file[SmallMaxDelayOffset] = 0;

        Assert.That(() => PoolFileCodec.Read(WithFixedCrc(file)),
            Throws.TypeOf<PoolFormatException>().With.Message.Contains("maxDelay").And.Message.Contains("is 0"));
    }

    [Test]
    public void NonMonotoneRowPointerIsNamed()
    {
        byte[] file = PoolFileCodec.ToBytes(SmallImage());
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(SmallRowPointerOffset + 4 * 2), 1);

        Assert.That(() => PoolFileCodec.Read(WithFixedCrc(file)), Throws.TypeOf<PoolFormatException>()
            .With.Message.Contains("rowPtr is not monotone: rowPtr[1] = 2 > rowPtr[2] = 1"));
    }

    [Test]
    public void RowPointerNotStartingAtZeroIsNamed()
    {
        byte[] file = PoolFileCodec.ToBytes(SmallImage());
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(SmallRowPointerOffset), 1);

        Assert.That(() => PoolFileCodec.Read(WithFixedCrc(file)),
            Throws.TypeOf<PoolFormatException>().With.Message.Contains("rowPtr[0] is 1"));
    }

    [Test]
    public void RowPointerNotEndingAtSynapseCountIsNamed()
    {
        byte[] file = PoolFileCodec.ToBytes(SmallImage());
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(SmallRowPointerOffset + 4 * SmallCells), 5);

        Assert.That(() => PoolFileCodec.Read(WithFixedCrc(file)),
            Throws.TypeOf<PoolFormatException>().With.Message.Contains("rowPtr[5] = 5 does not end at the synapse count 4"));
    }

    [Test]
    public void TargetOutsideThePoolIsNamed()
    {
        byte[] file = PoolFileCodec.ToBytes(SmallImage());
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(SmallSynapsesOffset + 8 * 2), 5);

        Assert.That(() => PoolFileCodec.Read(WithFixedCrc(file)), Throws.TypeOf<PoolFormatException>()
            .With.Message.Contains("synapse 2 (source cell 2) targets cell 5, but N = 5"));
    }

    [Test]
    public void ZeroDelayIsNamed()
    {
        byte[] file = PoolFileCodec.ToBytes(SmallImage());
        file[SmallSynapsesOffset + 8 * 3 + 3] = 0;

        Assert.That(() => PoolFileCodec.Read(WithFixedCrc(file)),
            Throws.TypeOf<PoolFormatException>().With.Message.Contains("synapse 3 (source cell 3) has delay 0"));
    }

    [Test]
    public void DelayAboveMaxDelayIsNamed()
    {
        byte[] file = PoolFileCodec.ToBytes(SmallImage());
        file[SmallSynapsesOffset + 3] = 9;

        Assert.That(() => PoolFileCodec.Read(WithFixedCrc(file)),
            Throws.TypeOf<PoolFormatException>().With.Message.Contains("has delay 9, above maxDelay 8"));
    }

    [Test]
    public void SynapseCountBeyondTheRemainingBytesIsTruncation()
    {
        byte[] file = PoolFileCodec.ToBytes(SmallImage());
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(SmallSynapseCountOffset), 1_000_000);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(SmallRowPointerOffset + 4 * SmallCells), 1_000_000);
        WithFixedCrc(file);

        Assert.That(() => PoolFileCodec.Read(file), Throws.TypeOf<PoolFormatException>()
            .With.Message.Contains($"Truncated at offset {SmallSynapsesOffset} while reading 1000000 synapses"));
        Assert.That(() => PoolFileCodec.Read(new ForwardOnlyStream(new MemoryStream(file))), Throws.TypeOf<PoolFormatException>()
            .With.Message.Contains($"Truncated at offset {SmallSynapsesOffset} while reading 1000000 synapses"));
    }

    [Test]
    public void AbsurdSynapseCountInAStreamIsRejectedWithoutAllocatingIt()
    {
        byte[] file = PoolFileCodec.ToBytes(SmallImage());
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(SmallSynapseCountOffset), uint.MaxValue);
        WithFixedCrc(file);

        Assert.That(() => PoolFileCodec.Read(new EndlessStream(file)), Throws.TypeOf<PoolFormatException>()
            .With.Message.Contains($"Synapse count {uint.MaxValue}"));
        Assert.That(() => PoolFileCodec.Read(file), Throws.TypeOf<PoolFormatException>().With.Message.Contains("Truncated"));
    }

    [Test]
    public void TrailingBytesAfterTheSynapsesAreNamed()
    {
        byte[] file = [.. PoolFileCodec.ToBytes(SmallImage()), 0xAB, 0xCD];
        WithFixedCrc(file);

        Assert.That(() => PoolFileCodec.Read(file),
            Throws.TypeOf<PoolFormatException>().With.Message.Contains($"2 trailing bytes after the synapses at offset {file.Length - 2}"));
        Assert.That(() => PoolFileCodec.Read(new MemoryStream(file)),
            Throws.TypeOf<PoolFormatException>().With.Message.Contains("2 trailing bytes"));
    }

    [Test]
    public void EndlessStreamAfterAValidFileIsRejectedAfterABoundedRead()
    {
        byte[] file = PoolFileCodec.ToBytes(SmallImage());
        var stream = new EndlessStream(file);

        Assert.That(() => PoolFileCodec.Read(stream),
            Throws.TypeOf<PoolFormatException>().With.Message.Contains("trailing bytes after the synapses"));
        Assert.That(stream.BytesServed, Is.LessThan(file.Length + (2L << 20)));
    }

    [Test]
    public void FormatExceptionCarriesTheOffset()
    {
        byte[] file = PoolFileCodec.ToBytes(SmallImage());
        file[SmallSynapsesOffset + 8 * 3 + 3] = 0;
        WithFixedCrc(file);

        var exception = Assert.Throws<PoolFormatException>(() => PoolFileCodec.Read(file));

        Assert.That(exception!.ByteOffset, Is.EqualTo(SmallSynapsesOffset + 8 * 3));
    }

    // ---- Write validation -----------------------------------------------------------------

    [Test]
    public void WriteRejectsAnArrayOfTheWrongLengthByName()
    {
        PoolFileImage image = SmallImage();
        image.Threshold = new short[4];

        Assert.That(() => PoolFileCodec.ToBytes(image),
            Throws.TypeOf<ArgumentException>().With.Message.Contains("Threshold has length 4; expected 5"));
    }

    [Test]
    public void WriteRejectsARowPointerOfTheWrongLength()
    {
        PoolFileImage image = SmallImage();
        image.RowPointer = [0, 2, 2, 3, 4];

        Assert.That(() => PoolFileCodec.Write(image, new MemoryStream()),
            Throws.TypeOf<ArgumentException>().With.Message.Contains("RowPointer has length 5; expected 6"));
    }

    [Test]
    public void WriteRejectsANameLongerThan65535Utf8Bytes()
    {
        PoolFileImage image = SmallImage();
        image.Name = new string('é', 32768);

        Assert.That(() => PoolFileCodec.ToBytes(image),
            Throws.TypeOf<ArgumentException>().With.Message.Contains("65536 bytes in UTF-8"));
    }

    [Test]
    public void WriteAcceptsANameOfExactly65535Bytes()
    {
        PoolFileImage image = SmallImage();
        image.Name = new string('a', 65535);

        Assert.That(PoolFileCodec.Read(PoolFileCodec.ToBytes(image)).Name, Is.EqualTo(image.Name));
    }

    [Test]
    public void WriteRejectsALoneSurrogateInTheName()
    {
        PoolFileImage image = SmallImage();
        image.Name = "bad\uD800name";

        Assert.That(() => PoolFileCodec.ToBytes(image), Throws.TypeOf<ArgumentException>().With.Message.Contains("Name"));
    }

    [Test]
    public void WriteRejectsInvalidSynapses()
    {
        PoolFileImage image = SmallImage();
        image.Synapses[1].Target = 9;

        Assert.That(() => PoolFileCodec.ToBytes(image),
            Throws.TypeOf<ArgumentException>().With.Message.Contains("targets cell 9"));
    }

    [Test]
    public void WriteRejectsInconsistentDaleCounts()
    {
        PoolFileImage image = SmallImage();
        image.InhibitoryCount = 3;

        Assert.That(() => PoolFileCodec.ToBytes(image),
            Throws.TypeOf<ArgumentException>().With.Message.Contains("must equal CellCount 5"));
    }

    [TestCase(0)]
    [TestCase(65537)]
    public void WriteRejectsCellCountsOutsideTheFormat(int cellCount)
    {
        PoolFileImage image = SmallImage();
        image.CellCount = cellCount;

        Assert.That(() => PoolFileCodec.ToBytes(image),
            Throws.TypeOf<ArgumentException>().With.Message.Contains($"CellCount is {cellCount}"));
    }

    [Test]
    public void FailedWriteLeavesTheStreamUntouched()
    {
        PoolFileImage image = SmallImage();
        image.Leak = [];
        using var stream = new MemoryStream();

        Assert.That(() => PoolFileCodec.Write(image, stream), Throws.TypeOf<ArgumentException>().With.Message.Contains("Leak"));
        Assert.That(stream.Length, Is.EqualTo(0));
    }
}
