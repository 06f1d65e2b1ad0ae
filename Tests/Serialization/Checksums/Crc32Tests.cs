using System.Text;
using GrowNet.Ecs.Serialization.Checksums;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Serialization.Checksums;

[TestFixture]
public sealed class Crc32Tests : ChecksumContractTests
{
    protected override uint Polynomial => 0xEDB88320u;

    protected override uint CheckValue => 0xCBF43926u;

    protected override uint Compute(ReadOnlySpan<byte> data) => Crc32.Compute(data);

    protected override uint Append(uint crc, ReadOnlySpan<byte> data) => Crc32.Append(crc, data);

    protected override uint Combine(uint crcFirst, uint crcSecond, long secondLength) => Crc32.Combine(crcFirst, crcSecond, secondLength);

    [Test]
    public void KnownSentenceMatchesZlib()
    {
        byte[] sentence = Encoding.ASCII.GetBytes("The quick brown fox jumps over the lazy dog");

        Assert.That(Crc32.Compute(sentence), Is.EqualTo(0x414FA339u));
    }
}
