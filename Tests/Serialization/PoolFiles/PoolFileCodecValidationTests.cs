using System.Buffers.Binary;
using System.Text;
using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Serialization.Checksums;
using GrowNet.Ecs.Serialization.PoolFiles;
using NUnit.Framework;
using static GrowNet.Ecs.Tests.Serialization.PoolFiles.PoolFileImages;

namespace GrowNet.Ecs.Tests.Serialization.PoolFiles;

/// <summary>Damaged files: every error is a <c>PoolFormatException</c> naming the problem and its offset.</summary>
[TestFixture]
public sealed class PoolFileCodecValidationTests
{
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
}
