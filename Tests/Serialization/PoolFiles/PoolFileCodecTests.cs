using System.Buffers.Binary;
using System.Text;
using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Serialization.Checksums;
using GrowNet.Ecs.Serialization.PoolFiles;
using NUnit.Framework;
using static GrowNet.Ecs.Tests.Serialization.PoolFiles.PoolFileImages;

namespace GrowNet.Ecs.Tests.Serialization.PoolFiles;

/// <summary>Golden files, round trips and write validation of <c>PoolFileCodec</c>.</summary>
[TestFixture]
public sealed class PoolFileCodecTests
{
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
