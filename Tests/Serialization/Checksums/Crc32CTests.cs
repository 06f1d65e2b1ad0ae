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

    protected override uint Combine(uint crcFirst, uint crcSecond, long secondLength) => Crc32C.Combine(crcFirst, crcSecond, secondLength);

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

    [TestCase(24575)]
    [TestCase(24576)]
    [TestCase(24583)]
    [TestCase(100003)]
    public void LongInputs_InterleavedLanes_MatchTheSerialDefinition(int length)
    {
        var data = new byte[length];
        new Random(length).NextBytes(data);
        // Byte-by-byte Append never takes the interleaved path, so it is an independent reference.
        uint serial = 0;
        foreach (byte value in data)
            serial = Crc32C.Append(serial, [value]);
        Assert.That(Crc32C.Compute(data), Is.EqualTo(serial));
        Assert.That(Crc32C.Append(Crc32C.Compute(data.AsSpan(0, 5)), data.AsSpan(5)), Is.EqualTo(serial));
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(7)]
    [TestCase(4096)]
    [TestCase(24575)]
    [TestCase(24576)]
    [TestCase(100003)]
    public void DotNet8InstructionPath_MatchesTheLibrary(int length)
    {
        var data = new byte[length];
        new Random(length + 1).NextBytes(data);

        Assert.That(~Crc32CInstruction.Update(0xFFFFFFFFu, data), Is.EqualTo(Crc32C.Compute(data)));
    }
}
