using GrowNet.Ecs.Serialization.Checksums;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Serialization.Checksums;

[TestFixture]
public sealed class Crc32CTests : ChecksumContractTests
{
    protected override uint Polynomial => 0x82F63B78u;

    protected override uint CheckValue => 0xE3069283u;

    protected override uint Compute(ReadOnlySpan<byte> data) => Crc32C.Compute(data);

    protected override uint Append(uint crc, ReadOnlySpan<byte> data) => Crc32C.Append(crc, data);

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
}
