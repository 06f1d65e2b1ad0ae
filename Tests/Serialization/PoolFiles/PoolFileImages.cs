using System.Buffers.Binary;
using System.Text;
using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Serialization.Checksums;
using GrowNet.Ecs.Serialization.PoolFiles;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Serialization.PoolFiles;

/// <summary>Pool file images and offsets shared by the codec tests (pool.md, Binary format).</summary>
internal static class PoolFileImages
{
    internal const int HeaderSize = 16;

    // ---- Builders -------------------------------------------------------------------------

    /// <summary>A pool as neuropool 0.1 creates it with no synapses (pool.md, Data: Dale split, RS/FS).</summary>
    internal static PoolFileImage FreshImage(string name, int cellCount)
    {
        PoolConfig config = PoolConfig.Default;
        int excitatory = cellCount * 4 / 5;
        return new PoolFileImage
        {
            Name = name,
            CellCount = cellCount,
            ExcitatoryCount = (uint)excitatory,
            InhibitoryCount = (uint)(cellCount - excitatory),
            TickCount = 0,
            Config = config,
            Membrane = Enumerable.Repeat(config.Resting, cellCount).ToArray(),
            Threshold = Enumerable.Repeat(config.SpikeThreshold, cellCount).ToArray(),
            Leak = Enumerable.Range(0, cellCount).Select(cell => cell < excitatory ? (byte)4 : (byte)8).ToArray(),
            Refract = new byte[cellCount],
            Flags = Enumerable.Range(0, cellCount).Select(cell => cell < excitatory ? (byte)0x00 : (byte)0x03).ToArray(),
            Trace = new sbyte[cellCount],
            SpikeOut = new byte[cellCount],
            RowPointer = new uint[cellCount + 1],
            Synapses = [],
        };
    }

    /// <summary>neuropool 0.1's compat random construction (pool.md, Random construction).</summary>
    internal static PoolFileImage CompatConnectedImage(string name, int cellCount, float density)
    {
        PoolFileImage image = FreshImage(name, cellCount);
        ulong state = 0xDEADBEEFCAFE1337UL ^ (ulong)cellCount;
        uint Next()
        {
            state = unchecked(state * 6364136223846793005UL + 1442695040888963407UL);
            return (uint)(state >> 33);
        }

        uint threshold = (uint)(density * 4294967296.0f);
        var synapses = new List<Synapse>();
        for (int source = 0; source < cellCount; source++)
        {
            image.RowPointer[source] = (uint)synapses.Count;
            int rowCount = 0;
            for (int target = 0; target < cellCount; target++)
            {
                if (target == source)
                    continue;
                if (rowCount >= image.Config.MaxSynapsesPerNeuron)
                    break;
                if (Next() >= threshold)
                    continue;
                int magnitude = (int)(Next() % 60 + 10);
                byte delay = (byte)(Next() % image.Config.MaxDelay + 1);
                sbyte weight = (sbyte)(source < image.ExcitatoryCount ? magnitude : -magnitude);
                synapses.Add(new Synapse((ushort)target, weight, delay, 0, Maturity.New));
                rowCount++;
            }
        }

        image.RowPointer[cellCount] = (uint)synapses.Count;
        image.Synapses = synapses.ToArray();
        return image;
    }

    /// <summary>Random contents everywhere, with a valid CSR structure.</summary>
    internal static PoolFileImage RandomImage(Random random, int cellCount, int maxRowLength)
    {
        byte maxDelay = (byte)random.Next(1, 256);
        var image = new PoolFileImage
        {
            Name = "pool-" + random.Next() + (random.Next(2) == 0 ? "" : " ünïcødé ✓"),
            CellCount = cellCount,
            ExcitatoryCount = (uint)random.Next(0, cellCount + 1),
            TickCount = (ulong)random.NextInt64() * 3,
            Config = new PoolConfig
            {
                Resting = (short)random.Next(short.MinValue, short.MaxValue + 1),
                SpikeThreshold = (short)random.Next(short.MinValue, short.MaxValue + 1),
                Reset = (short)random.Next(short.MinValue, short.MaxValue + 1),
                RefractoryTicks = (byte)random.Next(256),
                TraceDecay = (byte)random.Next(256),
                HomeostaticRate = (byte)random.Next(256),
                MaxSynapsesPerNeuron = (ushort)random.Next(65536),
                StdpPositive = (sbyte)random.Next(-128, 128),
                StdpNegative = (sbyte)random.Next(-128, 128),
                MaxDelay = maxDelay,
            },
            Membrane = RandomArray(random, cellCount, r => (short)r.Next(short.MinValue, short.MaxValue + 1)),
            Threshold = RandomArray(random, cellCount, r => (short)r.Next(short.MinValue, short.MaxValue + 1)),
            Leak = RandomArray(random, cellCount, r => (byte)r.Next(256)),
            Refract = RandomArray(random, cellCount, r => (byte)r.Next(256)),
            Flags = RandomArray(random, cellCount, r => (byte)r.Next(256)),
            Trace = RandomArray(random, cellCount, r => (sbyte)r.Next(-128, 128)),
            SpikeOut = RandomArray(random, cellCount, r => (byte)r.Next(2)),
            RowPointer = new uint[cellCount + 1],
        };
        image.InhibitoryCount = (uint)cellCount - image.ExcitatoryCount;

        var synapses = new List<Synapse>();
        for (int source = 0; source < cellCount; source++)
        {
            image.RowPointer[source] = (uint)synapses.Count;
            int rowLength = random.Next(0, maxRowLength + 1);
            for (int k = 0; k < rowLength; k++)
            {
                synapses.Add(new Synapse(
                    (ushort)random.Next(cellCount), (sbyte)random.Next(-128, 128), (byte)random.Next(1, maxDelay + 1),
                    (sbyte)random.Next(-128, 128), (byte)random.Next(256)) { Reserved = (ushort)random.Next(65536) });
            }
        }

        image.RowPointer[cellCount] = (uint)synapses.Count;
        image.Synapses = synapses.ToArray();
        return image;
    }

    internal static T[] RandomArray<T>(Random random, int length, Func<Random, T> next)
    {
        var values = new T[length];
        for (int i = 0; i < length; i++)
            values[i] = next(random);
        return values;
    }

    /// <summary>A small valid file with a few synapses: name "dmg", N = 5, 4 synapses.</summary>
    internal static PoolFileImage SmallImage()
    {
        PoolFileImage image = FreshImage("dmg", 5);
        image.TickCount = 77;
        image.RowPointer = [0, 2, 2, 3, 4, 4];
        image.Synapses =
        [
            new Synapse(1, 30, 1, 0, Maturity.New),
            new Synapse(4, 12, 8, 3, Maturity.New),
            new Synapse(0, 45, 3, -2, Maturity.New),
            new Synapse(2, -20, 2, 0, Maturity.New),
        ];
        return image;
    }

    // Offsets inside the SmallImage file, from the layout in pool.md.
    internal const int SmallNameLength = 3;
    internal const int SmallCells = 5;
    internal const int SmallBodyCellCountOffset = HeaderSize + 2 + SmallNameLength;
    internal const int SmallExcitatoryOffset = SmallBodyCellCountOffset + 4;
    internal const int SmallMaxDelayOffset = SmallBodyCellCountOffset + 20 + 13;
    internal const int SmallSecondCellCountOffset = SmallBodyCellCountOffset + 20 + 14 + 9 * SmallCells;
    internal const int SmallRowPointerOffset = SmallSecondCellCountOffset + 4;
    internal const int SmallSynapseCountOffset = SmallRowPointerOffset + 4 * (SmallCells + 1);
    internal const int SmallSynapsesOffset = SmallSynapseCountOffset + 4;

    /// <summary>Makes the header CRC agree with the (edited) body, so the structural checks are reached.</summary>
    internal static byte[] WithFixedCrc(byte[] file)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(12), Crc32.Compute(file.AsSpan(HeaderSize)));
        return file;
    }

    internal static void AssertSameImage(PoolFileImage actual, PoolFileImage expected)
    {
        Assert.That(actual.Name, Is.EqualTo(expected.Name));
        Assert.That(actual.CellCount, Is.EqualTo(expected.CellCount));
        Assert.That(actual.ExcitatoryCount, Is.EqualTo(expected.ExcitatoryCount));
        Assert.That(actual.InhibitoryCount, Is.EqualTo(expected.InhibitoryCount));
        Assert.That(actual.TickCount, Is.EqualTo(expected.TickCount));
        Assert.That(actual.Config, Is.EqualTo(expected.Config));
        Assert.That(actual.Membrane, Is.EqualTo(expected.Membrane));
        Assert.That(actual.Threshold, Is.EqualTo(expected.Threshold));
        Assert.That(actual.Leak, Is.EqualTo(expected.Leak));
        Assert.That(actual.Refract, Is.EqualTo(expected.Refract));
        Assert.That(actual.Flags, Is.EqualTo(expected.Flags));
        Assert.That(actual.Trace, Is.EqualTo(expected.Trace));
        Assert.That(actual.SpikeOut, Is.EqualTo(expected.SpikeOut));
        Assert.That(actual.RowPointer, Is.EqualTo(expected.RowPointer));
        Assert.That(actual.Synapses, Is.EqualTo(expected.Synapses));
    }
}
