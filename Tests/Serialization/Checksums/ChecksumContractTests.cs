using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Serialization.Checksums;

/// <summary>
/// What every reflected CRC-32 of ours must satisfy, checked against a bit-at-a-time
/// reference built from its polynomial: the fixtures for CRC-32 and CRC-32C derive from this.
/// </summary>
public abstract class ChecksumContractTests
{
    /// <summary>Reflected polynomial of the CRC under test.</summary>
    protected abstract uint Polynomial { get; }

    /// <summary>Its catalogue check value ("123456789").</summary>
    protected abstract uint CheckValue { get; }

    protected abstract uint Compute(ReadOnlySpan<byte> data);

    protected abstract uint Append(uint crc, ReadOnlySpan<byte> data);

    protected abstract uint Combine(uint crcFirst, uint crcSecond, long secondLength);

    /// <summary>Bit-at-a-time CRC, straight from the definition, to check the fast code against.</summary>
    private uint BitwiseReference(ReadOnlySpan<byte> data)
    {
        uint register = 0xFFFFFFFFu;
        foreach (byte value in data)
        {
            register ^= value;
            for (int bit = 0; bit < 8; bit++)
                register = (register & 1) != 0 ? (register >> 1) ^ Polynomial : register >> 1;
        }

        return ~register;
    }

    [Test]
    public void CheckValueMatchesTheCatalogue() => Assert.That(Compute("123456789"u8), Is.EqualTo(CheckValue));

    [Test]
    public void EmptyInputHashesToZero() => Assert.That(Compute(ReadOnlySpan<byte>.Empty), Is.EqualTo(0u));

    [Test]
    public void MatchesBitwiseReferenceForEveryLengthUpTo1000()
    {
        var random = new Random(1234);
        var data = new byte[1000];
        random.NextBytes(data);
        for (int length = 0; length <= data.Length; length++)
            Assert.That(Compute(data.AsSpan(0, length)), Is.EqualTo(BitwiseReference(data.AsSpan(0, length))), $"length {length}");
    }

    [Test]
    public void MatchesBitwiseReferenceAtUnalignedStarts()
    {
        var random = new Random(99);
        var data = new byte[300];
        random.NextBytes(data);
        for (int start = 0; start < 17; start++)
            Assert.That(Compute(data.AsSpan(start, 200 + start)), Is.EqualTo(BitwiseReference(data.AsSpan(start, 200 + start))), $"start {start}");
    }

    [Test]
    public void AppendOverRandomSplitsEqualsOneShot()
    {
        var random = new Random(42);
        for (int trial = 0; trial < 200; trial++)
        {
            var data = new byte[random.Next(0, 1001)];
            random.NextBytes(data);
            uint running = 0;
            int offset = 0;
            while (offset < data.Length)
            {
                int chunk = random.Next(0, Math.Min(70, data.Length - offset) + 1);
                running = Append(running, data.AsSpan(offset, chunk));
                offset += chunk;
            }

            Assert.That(running, Is.EqualTo(Compute(data)), $"trial {trial}, length {data.Length}");
        }
    }

    [Test]
    public void AppendToComputeOfPrefixEqualsComputeOfWhole()
    {
        byte[] whole = "123456789"u8.ToArray();
        for (int split = 0; split <= whole.Length; split++)
            Assert.That(Append(Compute(whole.AsSpan(0, split)), whole.AsSpan(split)), Is.EqualTo(CheckValue), $"split {split}");
    }

    [Test]
    public void Combine_EqualsTheCrcOfTheConcatenation()
    {
        var random = new Random(8);
        for (int trial = 0; trial < 100; trial++)
        {
            var data = new byte[random.Next(0, 3000)];
            random.NextBytes(data);
            int split = random.Next(0, data.Length + 1);
            uint combined = Combine(Compute(data.AsSpan(0, split)), Compute(data.AsSpan(split)), data.Length - split);
            Assert.That(combined, Is.EqualTo(Compute(data)), $"trial {trial}");
        }
    }

    [Test]
    public void Combine_RejectsANegativeLength()
        => Assert.That(() => Combine(1, 2, -1), Throws.TypeOf<ArgumentOutOfRangeException>());
}
