using GrowNet.Ecs.Cli.Demos;
using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Serialization.Checksums;
using GrowNet.Ecs.Serialization.PoolFiles;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Pool;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Serialization.PoolFiles;

/// <summary>pool.md, "Golden values": `.pool` files of real pools, export and import through the world.</summary>
public class PoolFileTests
{
    private static byte[] Export(NeuronPool pool)
    {
        using var stream = new MemoryStream();
        PoolFile.Export(pool, stream);
        return stream.ToArray();
    }

    private static uint BodyCrc(byte[] file) => BitConverter.ToUInt32(file, 12);

    [Test]
    public void EmptyTestPool_N100_Is1373Bytes()
    {
        using var world = Pipeline.CreateWorld();
        var bytes = Export(NeuronPool.Create(world, "test_pool", PoolDefinition.Empty(100, PoolConfig.Default)));
        Assert.That(bytes.Length, Is.EqualTo(1373));
        Assert.That(Convert.ToHexString(bytes, 0, 16), Is.EqualTo("504F4F4C010000006400000" + "0AE4DAA38"));
        Assert.That(Crc32.Compute(bytes.AsSpan(16)), Is.EqualTo(0x38AA4DAEu));
    }

    [Test]
    public void FreshConnectedPool_N50_Is2699Bytes()
    {
        using var world = Pipeline.CreateWorld();
        var pool = NeuronPool.Create(world, "connected", PoolDefinition.Compat(50, 0.05f, PoolConfig.Default));
        Assert.That(pool.SynapseCount, Is.EqualTo(247));
        var bytes = Export(pool);
        Assert.That(bytes.Length, Is.EqualTo(2699));
        Assert.That(BodyCrc(bytes), Is.EqualTo(0xB3C469F1u));
    }

    [Test]
    public void DemoPool_FreshAndTrained_MatchReferenceFiles()
    {
        using var world = Pipeline.CreateWorld();
        var pool = PoolLearningDemo.CreatePool(world);
        var fresh = Export(pool);
        Assert.That(fresh.Length, Is.EqualTo(4620));
        Assert.That(BodyCrc(fresh), Is.EqualTo(0xDA238FB7u));

        PoolLearningDemo.Present(pool);
        for (int epoch = 0; epoch < PoolLearningDemo.EpochCount; epoch++)
        {
            var (output, _) = PoolLearningDemo.Present(pool);
            if (output > 0)
                pool.ApplyModulation(135, 30, 100);
            if (epoch % 10 == 0)
                pool.PruneDead();
        }

        PoolLearningDemo.Present(pool);
        var trained = Export(pool);
        Assert.That(trained.Length, Is.EqualTo(980));
        Assert.That(BodyCrc(trained), Is.EqualTo(0x8E86FA2Du));
    }

    [Test]
    public void ImportThenExport_GivesTheSameBytes_AndGoldensStillHold()
    {
        using var world = Pipeline.CreateWorld();
        var pool = NeuronPool.Create(world, "connected", PoolDefinition.Compat(50, 0.05f, PoolConfig.Default));
        pool.SetInputRange(0, 10, 9000);
        for (int t = 0; t < 33; t++)
            world.Step();
        var bytes = Export(pool);
        using var other = Pipeline.CreateWorld();
        var imported = PoolFile.Import(other, new MemoryStream(bytes));
        Assert.That(Export(imported), Is.EqualTo(bytes));
        Assert.That(imported.Name, Is.EqualTo("connected"));
        Assert.That(imported.TickCount, Is.EqualTo(33UL));
        Assert.That(imported.Stats().Thermal, Is.EqualTo(pool.Stats().Thermal));
    }

    [Test]
    public void ImportedPool_ContinuesLikeTheOriginal_WhenNothingIsInFlight()
    {
        // The format drops the delay ring and spike-rate averages; a pool with nothing in flight
        // and homeostasis off continues exactly.
        var config = PoolConfig.Default;
        config.HomeostaticRate = 0;
        using var world = Pipeline.CreateWorld();
        var pool = NeuronPool.Create(world, "c", PoolDefinition.Compat(64, 0.1f, config));
        using var other = Pipeline.CreateWorld();
        var copy = PoolFile.Import(other, new MemoryStream(Export(pool)));
        pool.SetInputRange(0, 8, 9000);
        copy.SetInputRange(0, 8, 9000);
        for (int t = 0; t < 200; t++)
        {
            world.Step();
            other.Step();
        }

        Assert.That(Export(copy), Is.EqualTo(Export(pool)));
    }

    [Test]
    public void CorruptFile_ThrowsPoolFormatException_AndWorldStaysEmpty()
    {
        using var world = Pipeline.CreateWorld();
        var bytes = Export(NeuronPool.Create(world, "c", PoolDefinition.Compat(20, 0.2f, PoolConfig.Default)));
        bytes[bytes.Length / 2] ^= 0x40;
        using var other = Pipeline.CreateWorld();
        Assert.That(() => PoolFile.Import(other, new MemoryStream(bytes)), Throws.TypeOf<PoolFormatException>().With.Message.Contains("CRC"));
        Assert.That(() => PoolFile.Import(other, new MemoryStream(bytes, 0, 40)), Throws.TypeOf<PoolFormatException>());
        Assert.That(other.EntityCount, Is.EqualTo(0));
    }

    [Test]
    public void Save_IsAtomic_AndLoadReadsItBack()
    {
        string folder = Path.Combine(Path.GetTempPath(), "grownet-poolfile-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            using var world = Pipeline.CreateWorld();
            var pool = NeuronPool.Create(world, "c", PoolDefinition.Compat(30, 0.2f, PoolConfig.Default));
            string path = Path.Combine(folder, "c.pool");
            PoolFile.Save(pool, path);
            Assert.That(Directory.GetFiles(folder), Is.EqualTo(new[] { path }));
            using var other = Pipeline.CreateWorld();
            Assert.That(Export(PoolFile.Load(other, path)), Is.EqualTo(Export(pool)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
