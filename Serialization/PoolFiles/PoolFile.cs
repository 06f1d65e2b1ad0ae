using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems.Pool;

namespace GrowNet.Ecs.Serialization.PoolFiles;

/// <summary>
/// Moves pools between a world and neuropool 0.1 <c>.pool</c> files. What the format does not
/// carry (delay ring, synaptic current, spike-rate averages, held input) starts at zero after an
/// import, as in the reference.
/// </summary>
public static class PoolFile
{
    /// <summary>Reads a <c>.pool</c> file into a new pool of <paramref name="world"/>.</summary>
    /// <exception cref="PoolFormatException">The file is damaged or not a pool file.</exception>
    public static NeuronPool Load(World world, string path)
    {
        using var stream = File.OpenRead(path);
        return Import(world, stream);
    }

    /// <summary>Reads a <c>.pool</c> stream into a new pool of <paramref name="world"/>.</summary>
    public static NeuronPool Import(World world, Stream source) => FromImage(world, PoolFileCodec.Read(source));

    /// <summary>File extension of neuropool 0.1 pool files.</summary>
    public const string Extension = ".pool";

    /// <summary>Writes <paramref name="pool"/> to <paramref name="path"/> (temporary file, flush, rename: an existing file stays intact on failure).</summary>
    public static void Save(NeuronPool pool, string path)
    {
        var image = ToImage(pool);
        AtomicFile.Write(path, stream => PoolFileCodec.Write(image, stream));
    }

    /// <summary>Writes <paramref name="pool"/> as a <c>.pool</c> stream.</summary>
    public static void Export(NeuronPool pool, Stream destination) => PoolFileCodec.Write(ToImage(pool), destination);

    /// <summary>The file image of a pool (eligibility brought up to date first).</summary>
    public static PoolFileImage ToImage(NeuronPool pool)
    {
        pool.MaterializeEligibility();
        var view = pool.View();
        int cells = view.CellCount;
        var rowPointer = new uint[cells + 1];
        view.RowStart.CopyTo(rowPointer);
        rowPointer[cells] = (uint)view.Synapses.Length;
        var state = pool.State;
        return new PoolFileImage
        {
            Name = pool.Name,
            CellCount = cells,
            ExcitatoryCount = (uint)state.ExcitatoryCount,
            InhibitoryCount = (uint)(cells - state.ExcitatoryCount),
            TickCount = state.TickCount,
            Config = pool.Config,
            Membrane = view.Membrane.ToArray(),
            Threshold = view.Threshold.ToArray(),
            Leak = view.Leak.ToArray(),
            Refract = view.Refract.ToArray(),
            Flags = view.Flags.ToArray(),
            Trace = view.Trace.ToArray(),
            SpikeOut = view.SpikeOut.ToArray(),
            RowPointer = rowPointer,
            Synapses = view.Synapses.ToArray(),
        };
    }

    /// <summary>Creates a pool in <paramref name="world"/> from a (validated) file image.</summary>
    public static NeuronPool FromImage(World world, PoolFileImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var pool = PoolFactory.CreateBlank(world, image.Name, image.CellCount, image.Synapses.Length, image.Config,
            (int)image.ExcitatoryCount, image.TickCount);
        var view = pool.View();
        image.Membrane.CopyTo(view.Membrane);
        image.Threshold.CopyTo(view.Threshold);
        image.Leak.CopyTo(view.Leak);
        image.Refract.CopyTo(view.Refract);
        image.Flags.CopyTo(view.Flags);
        image.Trace.CopyTo(view.Trace);
        image.SpikeOut.CopyTo(view.SpikeOut);
        image.RowPointer.AsSpan(0, image.CellCount).CopyTo(view.RowStart);
        image.Synapses.CopyTo(view.Synapses);
        // Stored eligibilities are current at the file's tick.
        view.EligibilityStamp.Fill(image.TickCount);
        pool.RefreshRowOrder();
        return pool;
    }
}
