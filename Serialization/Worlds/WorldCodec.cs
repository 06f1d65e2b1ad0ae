using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Engine.Models;
using GrowNet.Ecs.Systems;

namespace GrowNet.Ecs.Serialization.Worlds;

/// <summary>
/// Saves and loads whole worlds as <c>.gnw</c> files (docs/world-format.md): every table of
/// every model written as raw column bytes in CRC-32C-checked sections, so that
/// run T₁ → save → load → run T₂ gives exactly the bytes of running T₁ + T₂.
/// </summary>
public static class WorldCodec
{
    /// <summary>File extension of world files.</summary>
    public const string Extension = ".gnw";

    /// <summary>
    /// Writes <paramref name="world"/> to <paramref name="destination"/>. Call between ticks. Lazily
    /// kept values (pool eligibility) are brought up to date first, which changes no value's meaning.
    /// </summary>
    /// <exception cref="InvalidOperationException">A tick or query is running.</exception>
    public static void Save(World world, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(destination);
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("World files are written on little-endian machines only.");
        if (world.Scheduler.IsRunning || world.IsIterating)
            throw new InvalidOperationException("A world can only be saved between ticks.");
        // Lazily kept values are brought up to date first: the file is canonical, whatever was read before.
        ModelFamilies.Catalog.Canonicalize(world);
        new WorldWriter(destination).Write(world);
    }

    /// <summary>Writes <paramref name="world"/> to <paramref name="path"/> atomically (temporary file, flush, rename).</summary>
    public static void SaveFile(World world, string path) => AtomicFile.Write(path, stream => Save(world, stream));

    /// <summary>The bytes of <paramref name="world"/>'s file.</summary>
    public static byte[] ToBytes(World world)
    {
        using var stream = new MemoryStream();
        Save(world, stream);
        return stream.ToArray();
    }

    /// <summary>
    /// Reads a world from <paramref name="source"/> (from its position to its end) into a new world
    /// with the full pipeline. Column names resolve through <paramref name="models"/> (default:
    /// <see cref="ModelFamilies.Catalog"/>; a host with components of its own passes a catalog
    /// that also holds them, see <see cref="ModelCatalog.WithColumns"/>).
    /// </summary>
    /// <exception cref="WorldFormatException">The bytes are not a valid world file; the message says why.</exception>
    public static World Load(Stream source, ModelCatalog? models = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var catalog = models ?? ModelFamilies.Catalog;
        return WithMeasuredStream(source, (stream, length) => new WorldReader(stream, length, null, catalog).Read());
    }

    /// <summary>Reads a world file.</summary>
    public static World LoadFile(string path, ModelCatalog? models = null)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Load(stream, models);
    }

    /// <summary>
    /// Reads a world file and reports its format version, sections, tick and populations; a
    /// damaged file gives a report whose <see cref="WorldFileReport.Error"/> says what is wrong.
    /// </summary>
    public static WorldFileReport Inspect(Stream source, ModelCatalog? models = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var report = new WorldFileReport();
        try
        {
            using var world = WithMeasuredStream(source, (stream, length) => new WorldReader(stream, length, report, models ?? ModelFamilies.Catalog).Read());
            report.Populations.AddRange(ModelFamilies.Describe(world));
            foreach (var table in world.Archetypes)
                report.Populations.Add($"archetype {table.Set}: {table.Count} entities");
        }
        catch (WorldFormatException error)
        {
            report.Error = error.Message;
        }

        return report;
    }

    private static T WithMeasuredStream<T>(Stream source, Func<Stream, long, T> read)
    {
        if (source.CanSeek)
            return read(source, source.Length - source.Position);
        // A forward-only stream is buffered first: memory then grows only with bytes that really arrive.
        using var buffer = new MemoryStream();
        source.CopyTo(buffer);
        buffer.Position = 0;
        return read(buffer, buffer.Length);
    }
}
