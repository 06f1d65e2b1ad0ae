using GrowNet.Ecs.Serialization.Checksums;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Serialization.Checksums;

[TestFixture]
public sealed class Crc32CTests
{
    /// <summary>Bit-at-a-time CRC-32C (Castagnoli), straight from the definition, to check the table code against.</summary>
    private static uint BitwiseReference(ReadOnlySpan<byte> data)
    {
        uint register = 0xFFFFFFFFu;
        foreach (byte value in data)
        {
            register ^= value;
            for (int bit = 0; bit < 8; bit++)
                register = (register & 1) != 0 ? (register >> 1) ^ 0x82F63B78u : register >> 1;
        }

        return ~register;
    }

    [Test]
    public void CheckValueMatchesTheCatalogue()
    {
        Assert.That(Crc32C.Compute("123456789"u8), Is.EqualTo(0xE3069283u));
    }

    [Test]
    public void EmptyInputHashesToZero()
    {
        Assert.That(Crc32C.Compute(ReadOnlySpan<byte>.Empty), Is.EqualTo(0u));
    }

    [Test]
    public void Rfc3720TestVectorsMatch()
    {
        // RFC 3720 (iSCSI), appendix B.4: CRC-32C test patterns of 32 bytes.
        byte[] zeros = new byte[32];
        byte[] ones = Enumerable.Repeat((byte)0xFF, 32).ToArray();
        byte[] ascending = Enumerable.Range(0, 32).Select(value => (byte)value).ToArray();
        byte[] descending = Enumerable.Range(0, 32).Select(value => (byte)(31 - value)).ToArray();

        Assert.That(Crc32C.Compute(zeros), Is.EqualTo(0x8A9136AAu));
        Assert.That(Crc32C.Compute(ones), Is.EqualTo(0x62A8AB43u));
        Assert.That(Crc32C.Compute(ascending), Is.EqualTo(0x46DD794Eu));
        Assert.That(Crc32C.Compute(descending), Is.EqualTo(0x113FDB5Cu));
    }

    [Test]
    public void MatchesBitwiseReferenceForEveryLengthUpTo1000()
    {
        var random = new Random(1234);
        var data = new byte[1000];
        random.NextBytes(data);

        for (int length = 0; length <= data.Length; length++)
        {
            ReadOnlySpan<byte> input = data.AsSpan(0, length);
            Assert.That(Crc32C.Compute(input), Is.EqualTo(BitwiseReference(input)), $"length {length}");
        }
    }

    [Test]
    public void MatchesBitwiseReferenceAtUnalignedStarts()
    {
        var random = new Random(99);
        var data = new byte[300];
        random.NextBytes(data);

        for (int start = 0; start < 17; start++)
        {
            ReadOnlySpan<byte> input = data.AsSpan(start, 200 + start);
            Assert.That(Crc32C.Compute(input), Is.EqualTo(BitwiseReference(input)), $"start {start}");
        }
    }

    [Test]
    public void AppendOverRandomSplitsEqualsOneShot()
    {
        var random = new Random(42);
        for (int trial = 0; trial < 200; trial++)
        {
            var data = new byte[random.Next(0, 1001)];
            random.NextBytes(data);
            uint expected = Crc32C.Compute(data);

            uint running = 0;
            int offset = 0;
            while (offset < data.Length)
            {
                int chunk = random.Next(0, Math.Min(70, data.Length - offset) + 1);
                running = Crc32C.Append(running, data.AsSpan(offset, chunk));
                offset += chunk;
            }

            Assert.That(running, Is.EqualTo(expected), $"trial {trial}, length {data.Length}");
        }
    }

    [Test]
    public void AppendToComputeOfPrefixEqualsComputeOfWhole()
    {
        byte[] whole = "123456789"u8.ToArray();

        for (int split = 0; split <= whole.Length; split++)
        {
            uint prefix = Crc32C.Compute(whole.AsSpan(0, split));
            Assert.That(Crc32C.Append(prefix, whole.AsSpan(split)), Is.EqualTo(0xE3069283u), $"split {split}");
        }
    }
}
