using System.Text;
using GrowNet.Ecs.Serialization.Checksums;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Serialization.Checksums;

[TestFixture]
public sealed class Crc32Tests
{
    /// <summary>Bit-at-a-time CRC-32/ISO-HDLC, straight from the definition, to check the table code against.</summary>
    private static uint BitwiseReference(ReadOnlySpan<byte> data)
    {
        uint register = 0xFFFFFFFFu;
        foreach (byte value in data)
        {
            register ^= value;
            for (int bit = 0; bit < 8; bit++)
                register = (register & 1) != 0 ? (register >> 1) ^ 0xEDB88320u : register >> 1;
        }

        return ~register;
    }

    [Test]
    public void CheckValueMatchesTheCatalogue()
    {
        Assert.That(Crc32.Compute("123456789"u8), Is.EqualTo(0xCBF43926u));
    }

    [Test]
    public void EmptyInputHashesToZero()
    {
        Assert.That(Crc32.Compute(ReadOnlySpan<byte>.Empty), Is.EqualTo(0u));
    }

    [Test]
    public void KnownSentenceMatchesZlib()
    {
        byte[] sentence = Encoding.ASCII.GetBytes("The quick brown fox jumps over the lazy dog");

        Assert.That(Crc32.Compute(sentence), Is.EqualTo(0x414FA339u));
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
            Assert.That(Crc32.Compute(input), Is.EqualTo(BitwiseReference(input)), $"length {length}");
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
            Assert.That(Crc32.Compute(input), Is.EqualTo(BitwiseReference(input)), $"start {start}");
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
            uint expected = Crc32.Compute(data);

            uint running = 0;
            int offset = 0;
            while (offset < data.Length)
            {
                int chunk = random.Next(0, Math.Min(70, data.Length - offset) + 1);
                running = Crc32.Append(running, data.AsSpan(offset, chunk));
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
            uint prefix = Crc32.Compute(whole.AsSpan(0, split));
            Assert.That(Crc32.Append(prefix, whole.AsSpan(split)), Is.EqualTo(0xCBF43926u), $"split {split}");
        }
    }
}
