using CommunityToolkit.HighPerformance;
using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Systems.Region;

using GrowNet.Ecs.Systems.Region;

/// <summary>
/// The region's 2D frame API (<see cref="ReadOnlySpan2D{T}"/> in, <see cref="Span2D{T}"/> out):
/// a host's frame with a row pitch stages exactly the values a flat frame does, output frames copy
/// into pitched destinations, and a frame of the wrong shape is refused with nothing staged.
/// </summary>
public class Frame2DTests
{
    private const int Height = 6;
    private const int Width = 5;
    private const int Pitch = 3;

    private static (World World, Region Region) ImageWorld()
    {
        var world = GrowNet.Ecs.Systems.Pipeline.CreateWorld(seed: 3);
        var region = Region.Create(world, "image", new RegionDefinition { Config = RegionConfig.Default });
        int input = region.AddInputLayer2D(Height, Width, 1.0, 0.01);
        int hidden = region.AddLayer(12, 2, 1);
        int output = region.AddOutputLayer2D(Height, Width, 0.3);
        region.ConnectLayersWindowed(input, hidden, 3, 3, 1, 1, WindowPadding.Same);
        region.ConnectLayers(hidden, output, 1.0);
        region.BindInput2D("img", input);
        region.BindOutput("out", output);
        return (world, region);
    }

    /// <summary>Frame <paramref name="f"/> of a deterministic sequence, row-major.</summary>
    private static double[] Flat(int f) => [.. Enumerable.Range(0, Height * Width).Select(i => ((i * 37 + f * 11) % 17) / 16.0)];

    /// <summary>The same frame inside a wider buffer: rows of <see cref="Width"/> values every Width + Pitch, NaN between.</summary>
    private static double[] Pitched(double[] flat)
    {
        var buffer = Enumerable.Repeat(double.NaN, 2 + Height * (Width + Pitch)).ToArray();
        for (int r = 0; r < Height; r++)
            flat.AsSpan(r * Width, Width).CopyTo(buffer.AsSpan(2 + r * (Width + Pitch), Width));
        return buffer;
    }

    [Test]
    public void PitchedAndContiguous2DFrames_StageWhatAFlatFrameStages()
    {
        var (flatWorld, flat) = ImageWorld();
        var (pitchedWorld, pitched) = ImageWorld();
        var (arrayWorld, array) = ImageWorld();
        using (flatWorld)
        using (pitchedWorld)
        using (arrayWorld)
        {
            for (int f = 0; f < 12; f++)
            {
                double[] frame = Flat(f);
                flat.SetFrame("img", frame);
                pitched.SetFrame("img", new ReadOnlySpan2D<double>(Pitched(frame), 2, Height, Width, Pitch));
                var grid = new double[Height, Width];
                for (int i = 0; i < frame.Length; i++)
                    grid[i / Width, i % Width] = frame[i];
                array.SetFrame("img", new ReadOnlySpan2D<double>(grid));
                flatWorld.Step();
                pitchedWorld.Step();
                arrayWorld.Step();
                ulong expected = RegionTestWorlds.Hash(flatWorld);
                Assert.That(RegionTestWorlds.Hash(pitchedWorld), Is.EqualTo(expected), $"frame {f}");
                Assert.That(RegionTestWorlds.Hash(arrayWorld), Is.EqualTo(expected), $"frame {f}");
            }
        }
    }

    [Test]
    public void OutputFrames_CopyInto2DDestinations()
    {
        var (world, region) = ImageWorld();
        using var _ = world;
        for (int f = 0; f < 40; f++)
        {
            region.SetFrame("img", Flat(f));
            world.Step();
        }

        int output = region.PortLayers("out")[0];
        var flat = new double[Height * Width];
        region.CopyFrame(output, flat);
        Assert.That(flat.Any(v => v != 0), Is.True, "the output layer received events");

        var buffer = Enumerable.Repeat(-7.0, Height * (Width + Pitch)).ToArray();
        region.CopyFrame(output, new Span2D<double>(buffer, 0, Height, Width, Pitch));
        var viaPort = Enumerable.Repeat(-7.0, Height * (Width + Pitch)).ToArray();
        region.CopyOutputFrame("out", new Span2D<double>(viaPort, 0, Height, Width, Pitch));
        var grid = region.GetOutputFrame("out");
        for (int r = 0; r < Height; r++)
        {
            for (int c = 0; c < Width; c++)
            {
                Assert.That(buffer[r * (Width + Pitch) + c], Is.EqualTo(flat[r * Width + c]), $"({r}, {c})");
                Assert.That(viaPort[r * (Width + Pitch) + c], Is.EqualTo(flat[r * Width + c]), $"({r}, {c}) via the port");
                Assert.That(grid[r, c], Is.EqualTo(flat[r * Width + c]), $"({r}, {c}) GetOutputFrame");
            }

            for (int c = Width; c < Width + Pitch; c++)
                Assert.That(buffer[r * (Width + Pitch) + c], Is.EqualTo(-7.0), "the pitch is left untouched");
        }
    }

    [Test]
    public void WrongShapes_AreRefusedWithNothingStaged()
    {
        var (world, region) = ImageWorld();
        var (reference, _) = ImageWorld();
        using (world)
        using (reference)
        {
            var wrong = new double[Height, Width + 1];
            var error = Assert.Throws<ArgumentException>(() => region.SetFrame("img", new ReadOnlySpan2D<double>(wrong)));
            Assert.That(error!.Message, Does.Contain($"{Height}×{Width + 1}").And.Contain($"{Height}×{Width}"));
            var output = region.PortLayers("out")[0];
            var small = new double[Height - 1, Width];
            error = Assert.Throws<ArgumentException>(() => region.CopyFrame(output, new Span2D<double>(small)));
            Assert.That(error!.Message, Does.Contain($"{Height - 1}×{Width}"));
            Assert.Throws<ArgumentException>(() => region.CopyOutputFrame("missing", new Span2D<double>(new double[Height, Width])));

            world.Step();
            reference.Step();
            Assert.That(RegionTestWorlds.Hash(world), Is.EqualTo(RegionTestWorlds.Hash(reference)), "a refused frame stages nothing");
        }
    }

    [Test]
    public void PitchedFrames_StageWithoutAllocatingOnceWarm()
    {
        var (world, region) = ImageWorld();
        using var _ = world;
        var buffer = Pitched(Flat(1));
        region.SetFrame("img", new ReadOnlySpan2D<double>(buffer, 2, Height, Width, Pitch));
        world.Step();
        long before = GC.GetAllocatedBytesForCurrentThread();
        region.SetFrame("img", new ReadOnlySpan2D<double>(buffer, 2, Height, Width, Pitch));
        long after = GC.GetAllocatedBytesForCurrentThread();
        Assert.That(after - before, Is.EqualTo(0));
    }
}
