using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Engine.Models;
using GrowNet.Ecs.Serialization.Worlds;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Network;
using GrowNet.Ecs.Systems.Pool;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Network;

/// <summary>
/// network.md, "Sources": a file source reads a PGM/PNG image sequence. The fixtures
/// (Fixtures/Png, written by make_fixtures.py) use every scanline filter and split IDAT chunks.
/// </summary>
public class PngSourceTests
{
    private static string Fixture(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "Png", name);

    private static (World World, SignalSource Source) SourceOn(int cells, string path)
    {
        var world = Pipeline.CreateWorld(seed: 9);
        NeuronPool.Create(world, "P", PoolDefinition.Empty(cells));
        return (world, NetworkBuilder.AddSource(world, "png", SourceDefinition.File("P/current", path)));
    }

    [Test]
    public void Grayscale_EveryFilterType_DecodesToPixelOver255()
    {
        var (world, source) = SourceOn(20, Fixture("gray-4x5-filters.png"));
        using var _ = world;
        world.Step();
        int[] pixels = [0, 10, 20, 30, 40, 50, 60, 70, 255, 128, 1, 200, 5, 250, 7, 9, 100, 90, 80, 70];
        Assert.That(source.Values.ToArray(), Is.EqualTo(pixels.Select(p => p / 255.0).ToArray()));
    }

    [Test]
    public void RgbAndRgba_DecodeToBt601Luma_AlphaIgnored()
    {
        var (rgbWorld, rgb) = SourceOn(4, Fixture("rgb-2x2.png"));
        using (rgbWorld)
        {
            rgbWorld.Step();
            Assert.That(rgb.Values.ToArray(), Is.EqualTo(new[]
            {
                (0.299 * 255 + 0.587 * 0 + 0.114 * 0) / 255.0, (0.299 * 0 + 0.587 * 255 + 0.114 * 0) / 255.0,
                (0.299 * 0 + 0.587 * 0 + 0.114 * 255) / 255.0, (0.299 * 10 + 0.587 * 20 + 0.114 * 30) / 255.0,
            }));
        }

        var (rgbaWorld, rgba) = SourceOn(2, Fixture("rgba-2x1.png"));
        using (rgbaWorld)
        {
            rgbaWorld.Step();
            Assert.That(rgba.Values.ToArray(), Is.EqualTo(new[] { (0.299 * 200 + 0.587 * 100 + 0.114 * 50) / 255.0, (0.299 * 1 + 0.587 * 2 + 0.114 * 3) / 255.0 }));
        }
    }

    [Test]
    public void ImagesOneAfterAnother_AreFramesInOrder_Repeating()
    {
        var (world, source) = SourceOn(20, Fixture("gray-4x5-two-images.png"));
        using var _ = world;
        var seen = new List<double>();
        for (int t = 0; t < 3; t++)
        {
            world.Step();
            seen.Add(source.Values[1]);
        }

        Assert.That(seen, Is.EqualTo(new[] { 10 / 255.0, 9 / 255.0, 10 / 255.0 }));
    }

    [Test]
    public void PngSource_ResumesFromItsWorldFile_AndAChangedFileIsRefused()
    {
        string dir = Directory.CreateTempSubdirectory("gnw-png").FullName;
        string path = Path.Combine(dir, "frames.png");
        File.Copy(Fixture("gray-4x5-two-images.png"), path);
        var (world, _) = SourceOn(20, path);
        world.Step();
        var bytes = WorldCodec.ToBytes(world);
        world.Step();
        var straight = WorldCodec.ToBytes(world);
        world.Dispose();
        using (var resumed = WorldCodec.Load(new MemoryStream(bytes)))
        {
            resumed.Step();
            Assert.That(WorldCodec.ToBytes(resumed), Is.EqualTo(straight));
        }

        File.WriteAllBytes(path, File.ReadAllBytes(Fixture("gray-4x5-filters.png")));
        var error = Assert.Throws<WorldFormatException>(() => WorldCodec.Load(new MemoryStream(bytes)).Dispose());
        Assert.That(error!.Message, Does.Contain("source 'png'").And.Contain("the file changed"));
        Directory.Delete(dir, recursive: true);
    }

    [TestCase("gray16-2x1.png", 2, "bit depth 16; only 8-bit images are read")]
    [TestCase("palette-2x1.png", 2, "colour type 3 (palette)")]
    [TestCase("interlaced-2x1.png", 2, "is interlaced")]
    [TestCase("gray-bad-crc.png", 20, "chunk 'tEXt' at byte 33 fails its CRC")]
    [TestCase("gray-4x5-filters.png", 21, "is 4×5 = 20 pixels; the target range has 21")]
    public void UnreadablePng_IsRefusedNamingTheProblem_AndNothingIsBuilt(string name, int cells, string problem)
    {
        using var world = Pipeline.CreateWorld(seed: 9);
        NeuronPool.Create(world, "P", PoolDefinition.Empty(cells));
        var error = Assert.Throws<ModelConfigException>(() => NetworkBuilder.AddSource(world, "png", SourceDefinition.File("P/current", Fixture(name))));
        Assert.That(error!.Message, Does.Contain(name).And.Contain("PNG image 1").And.Contain(problem));
        Assert.That(SignalSource.All(world), Is.Empty);
    }
}
