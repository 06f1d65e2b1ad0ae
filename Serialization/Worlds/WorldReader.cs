using System.Buffers.Binary;
using System.Runtime.InteropServices;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Engine.Models;
using GrowNet.Ecs.Serialization.Checksums;
using GrowNet.Ecs.Systems;

namespace GrowNet.Ecs.Serialization.Worlds;

/// <summary>
/// Reads a <c>.gnw</c> stream into a new world, trusting nothing: every length is checked
/// against the bytes that remain before anything is allocated, every section's header and
/// payload CRC-32C and the whole file's CRC-32C are verified, the storage is rebuilt through
/// the engine's checked restore path, and the models' invariants are validated last.
/// </summary>
internal sealed class WorldReader
{
    private enum Stage { Info, Catalog, EntitySlots, TableSlots, Tables, Names, Done }

    private readonly Stream source;
    private readonly long length;
    private readonly WorldFileReport? report;
    private readonly ModelCatalog models;
    private readonly byte[] sectionHeader = new byte[WorldFileLayout.SectionHeaderSize];
    private long position;
    private uint fileCrc;
    private Stage stage = Stage.Info;

    private ulong seed;
    private ulong tick;
    private int entitySlotCount;
    private int tableSlotCount;
    private int tableCount;
    private int archetypeCount;
    private ColumnKey[] catalog = [];
    private int[] entityGenerations = [];
    private int[] freeEntities = [];
    private World? world;
    private int tablesRead;
    private Table? currentTable;
    private int[] pendingColumns = [];
    private int nextColumn;
    private (Entity Entity, string Name)[] names = [];

    public WorldReader(Stream source, long length, WorldFileReport? report, ModelCatalog models)
    {
        this.models = models;
        this.source = source;
        this.length = length;
        this.report = report;
    }

    public World Read()
    {
        try
        {
            var result = ReadAll();
            world = null;
            return result;
        }
        catch (WorldFormatException)
        {
            throw;
        }
        catch (Exception error) when (error is InvalidDataException or ArgumentException or InvalidOperationException
                                          or KeyNotFoundException or OverflowException or IndexOutOfRangeException)
        {
            throw new WorldFormatException($"Invalid world file: {error.Message}", error);
        }
        finally
        {
            // A failed load leaves nothing behind.
            world?.Dispose();
        }
    }

    private World ReadAll()
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("World files are read on little-endian machines only.");
        if (length < WorldFileLayout.HeaderSize + WorldFileLayout.TrailerSize)
            throw new WorldFormatException($"File is {length} bytes, shorter than a header and a trailer; it is truncated or not a world file.");
        Span<byte> header = stackalloc byte[WorldFileLayout.HeaderSize];
        ReadExactly(header, "the file header");
        if (!header[..8].SequenceEqual(WorldFileLayout.Magic))
            throw new WorldFormatException("Bad magic: this is not a GrowNet world file.", 0);
        if (BinaryPrimitives.ReadUInt32LittleEndian(header[28..]) != Crc32C.Compute(header[..28]))
            throw new WorldFormatException("Checksum mismatch in the file header.", 0);
        ushort major = BinaryPrimitives.ReadUInt16LittleEndian(header[8..]);
        ushort minor = BinaryPrimitives.ReadUInt16LittleEndian(header[10..]);
        if (report != null)
        {
            report.FormatMajor = major;
            report.FormatMinor = minor;
            report.Length = length;
        }

        if (major < WorldFileLayout.OldestMajorVersion || major > WorldFileLayout.MajorVersion)
            throw new WorldFormatException(
                $"Unsupported format version {major}.{minor}; this build reads {WorldFileLayout.OldestMajorVersion}.x to {WorldFileLayout.MajorVersion}.x.", 8);
        uint flags = BinaryPrimitives.ReadUInt32LittleEndian(header[12..]);
        if (flags != 0)
            throw new WorldFormatException($"Unknown header flags 0x{flags:X8}.", 12);
        uint sectionCount = BinaryPrimitives.ReadUInt32LittleEndian(header[16..]);
        if (sectionCount > (length - position) / WorldFileLayout.SectionHeaderSize)
            throw new WorldFormatException($"Header claims {sectionCount} sections, more than the file can hold.", 16);

        for (uint index = 0; index < sectionCount; index++)
            ReadSection(index);
        if (stage != Stage.Done)
            throw new WorldFormatException($"The file ends before its {stage} section.", position);

        Span<byte> trailer = stackalloc byte[WorldFileLayout.TrailerSize];
        uint expectedCrc = fileCrc;
        ReadExactly(trailer, "the trailer");
        if (!trailer[..8].SequenceEqual(WorldFileLayout.TrailerMagic))
            throw new WorldFormatException("Bad trailer magic: the file is damaged or has extra sections.", position - WorldFileLayout.TrailerSize);
        uint storedCrc = BinaryPrimitives.ReadUInt32LittleEndian(trailer[8..]);
        if (storedCrc != expectedCrc)
            throw new WorldFormatException($"Whole-file checksum mismatch: stored 0x{storedCrc:X8}, computed 0x{expectedCrc:X8}.", position - 8);
        if (BinaryPrimitives.ReadUInt32LittleEndian(trailer[12..]) != 0)
            throw new WorldFormatException("The trailer's reserved field is not zero.", position - 4);
        if (position != length)
            throw new WorldFormatException($"{length - position} unexpected bytes after the trailer.", position);

        var loaded = world!;
        loaded.CompleteRestore();
        foreach (var (entity, name) in names)
        {
            if (!loaded.IsAlive(entity))
                throw new WorldFormatException($"A name is attached to {entity}, which is not alive.");
            loaded.Names.Set(entity, name);
        }

        ModelFamilies.Validate(loaded);
        if (report != null)
        {
            report.Seed = seed;
            report.Tick = tick;
        }

        return loaded;
    }

    private void ReadSection(uint index)
    {
        long offset = position;
        ReadExactly(sectionHeader, $"the header of section {index}");
        var header = sectionHeader.AsSpan();
        if (BinaryPrimitives.ReadUInt32LittleEndian(header[24..]) != Crc32C.Compute(header[..24]))
            throw new WorldFormatException($"Checksum mismatch in the header of section {index}.", offset);
        ushort kind = BinaryPrimitives.ReadUInt16LittleEndian(header);
        ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(header[2..]);
        uint id = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
        uint subId = BinaryPrimitives.ReadUInt32LittleEndian(header[8..]);
        ulong payloadLength = BinaryPrimitives.ReadUInt64LittleEndian(header[12..]);
        uint payloadCrc = BinaryPrimitives.ReadUInt32LittleEndian(header[20..]);
        string name = $"{index} ({WorldFileLayout.Describe(kind)} {id}/{subId})";
        report?.Sections.Add(new WorldSectionInfo(kind, id, subId, offset, payloadLength, payloadCrc,
            (flags & WorldFileLayout.OptionalFlag) != 0, WorldFileLayout.Describe(kind)));
        long available = length - position - WorldFileLayout.TrailerSize;
        if (payloadLength > (ulong)Math.Max(0, available))
            throw new WorldFormatException($"Section {name} claims {payloadLength} bytes but only {Math.Max(0, available)} remain; the file is truncated or damaged.", offset);
        if ((flags & ~WorldFileLayout.OptionalFlag) != 0)
            throw new WorldFormatException($"Section {name} has unknown flags 0x{flags:X4}.", offset);

        if (kind == (ushort)WorldSectionKind.Column)
        {
            ReadColumn(name, id, subId, (long)payloadLength, payloadCrc, offset);
            return;
        }

        if (!Enum.IsDefined(typeof(WorldSectionKind), kind))
        {
            if ((flags & WorldFileLayout.OptionalFlag) == 0)
                throw new WorldFormatException($"Section {name} is of an unknown required kind; the file needs a newer build.", offset);
            ReadPayload((int)payloadLength, payloadCrc, name, offset);
            return;
        }

        var payload = ReadPayload(checked((int)payloadLength), payloadCrc, name, offset);
        var reader = new PayloadReader(payload, name);
        switch ((WorldSectionKind)kind)
        {
            case WorldSectionKind.WorldInfo:
                Expect(Stage.Info, name, offset);
                seed = reader.UInt64("seed");
                tick = reader.UInt64("tick");
                entitySlotCount = NonNegative(reader.Int32("entity slot count"), name);
                tableSlotCount = NonNegative(reader.Int32("table slot count"), name);
                tableCount = NonNegative(reader.Int32("table count"), name);
                archetypeCount = NonNegative(reader.Int32("archetype count"), name);
                if (tableCount > tableSlotCount || archetypeCount > tableCount)
                    throw new WorldFormatException($"Section {name}: table counts are inconsistent.", offset);
                reader.End();
                stage = Stage.Catalog;
                break;
            case WorldSectionKind.ColumnCatalog:
                Expect(Stage.Catalog, name, offset);
                ReadCatalog(ref reader, name);
                stage = Stage.EntitySlots;
                break;
            case WorldSectionKind.EntitySlots:
                Expect(Stage.EntitySlots, name, offset);
                entityGenerations = reader.Int32s("entity generations");
                freeEntities = reader.Int32s("free entity slots");
                reader.End();
                if (entityGenerations.Length != entitySlotCount)
                    throw new WorldFormatException($"Section {name}: {entityGenerations.Length} entity slots, the header of the world says {entitySlotCount}.", offset);
                stage = Stage.TableSlots;
                break;
            case WorldSectionKind.TableSlots:
                Expect(Stage.TableSlots, name, offset);
                var tableGenerations = reader.Int32s("table generations");
                var freeTables = reader.Int32s("free table slots");
                reader.End();
                if (tableGenerations.Length != tableSlotCount)
                    throw new WorldFormatException($"Section {name}: {tableGenerations.Length} table slots, the world info says {tableSlotCount}.", offset);
                if (freeTables.Length != tableSlotCount - tableCount)
                    throw new WorldFormatException($"Section {name}: {freeTables.Length} free table slots do not match {tableCount} tables in {tableSlotCount} slots.", offset);
                world = Pipeline.CreateWorld(seed);
                world.Tick = tick;
                world.BeginRestore(entityGenerations, freeEntities, tableGenerations, freeTables);
                stage = tableCount == 0 ? Stage.Names : Stage.Tables;
                break;
            case WorldSectionKind.Table:
                Expect(Stage.Tables, name, offset);
                ReadTable(ref reader, name, id, offset);
                break;
            case WorldSectionKind.Names:
                if (stage == Stage.Tables && tablesRead == tableCount)
                    FinishTable(offset);
                Expect(Stage.Names, name, offset);
                int count = reader.Count("name count", 12);
                names = new (Entity, string)[count];
                for (int i = 0; i < count; i++)
                {
                    var entity = new Entity(reader.Int32("entity index"), reader.Int32("entity generation"));
                    names[i] = (entity, reader.String("name"));
                }

                reader.End();
                stage = Stage.Done;
                break;
        }
    }

    private void ReadCatalog(ref PayloadReader reader, string name)
    {
        int count = reader.Count("column count", 8);
        if (count > ComponentSet.Capacity)
            throw new WorldFormatException($"Section {name}: {count} columns, more than the {ComponentSet.Capacity} a world can have.");
        catalog = new ColumnKey[count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            int size = reader.Int32("element size");
            string column = reader.String("column name");
            if (!seen.Add(column))
                throw new WorldFormatException($"Section {name}: column '{column}' is listed twice.");
            if (!models.Columns.TryResolve(column, out var key) || key is null)
                throw new WorldFormatException($"Section {name}: column '{column}' is not known to this build.");
            if (key.ElementSize != size)
                throw new WorldFormatException($"Section {name}: column '{column}' has {size}-byte elements in the file but {key.ElementSize} here.");
            catalog[i] = key;
        }

        reader.End();
    }

    private void ReadTable(ref PayloadReader reader, string name, uint slot, long offset)
    {
        if (currentTable != null)
            FinishTable(offset);
        bool holdsEntities = reader.Byte("table kind") switch
        {
            0 => false,
            1 => true,
            var other => throw new WorldFormatException($"Section {name}: table kind {other} is neither 0 nor 1.", offset),
        };
        if (holdsEntities != tablesRead < archetypeCount)
            throw new WorldFormatException($"Section {name}: archetype tables must come first ({archetypeCount} of them).", offset);
        var owner = new Entity(reader.Int32("owner index"), reader.Int32("owner generation"));
        int rows = NonNegative(reader.Int32("row count"), name);
        int columnCount = reader.Count("column count", 4);
        var set = ComponentSet.Empty;
        var columns = new int[columnCount];
        long rowBytes = holdsEntities ? 8 : 0;
        for (int c = 0; c < columnCount; c++)
        {
            int catalogIndex = reader.Int32("column index");
            if ((uint)catalogIndex >= (uint)catalog.Length)
                throw new WorldFormatException($"Section {name}: column index {catalogIndex} is outside the catalog.", offset);
            if (set.Contains(catalog[catalogIndex]))
                throw new WorldFormatException($"Section {name}: column '{catalog[catalogIndex].Name}' is listed twice.", offset);
            set = set.With(catalog[catalogIndex]);
            columns[c] = catalogIndex;
            rowBytes += catalog[catalogIndex].ElementSize;
        }

        // The columns follow in ascending key order, as the writer emits them.
        Array.Sort(columns, (a, b) => catalog[a].Id.CompareTo(catalog[b].Id));
        // Bound the allocation by what the file can still hold before trusting the row count.
        if (rows * (rowBytes - (holdsEntities ? 8 : 0)) > length - position)
            throw new WorldFormatException($"Section {name}: {rows} rows cannot be in the {length - position} bytes that remain.", offset);
        ReadOnlySpan<Entity> entities = holdsEntities
            ? MemoryMarshal.Cast<byte, Entity>(reader.Raw(checked(rows * 8), "row entities"))
            : default;
        reader.End();
        var table = world!.RestoreTable(checked((int)slot), set, holdsEntities, owner, rows);
        if (holdsEntities)
            world.RestoreEntities(table, entities);
        currentTable = table;
        pendingColumns = columns;
        nextColumn = 0;
        tablesRead++;
        if (tablesRead == tableCount && columns.Length == 0)
            FinishTable(offset);
    }

    private void FinishTable(long offset)
    {
        if (currentTable == null)
            return;
        if (nextColumn != pendingColumns.Length)
            throw new WorldFormatException($"Table {currentTable.Handle.Index} lacks {pendingColumns.Length - nextColumn} of its column sections.", offset);
        currentTable = null;
        if (tablesRead == tableCount)
            stage = Stage.Names;
    }

    private void ReadColumn(string name, uint slot, uint catalogIndex, long payloadLength, uint payloadCrc, long offset)
    {
        if (currentTable == null || currentTable.Handle.Index != slot || nextColumn >= pendingColumns.Length)
            throw new WorldFormatException($"Section {name} is not a column of the table before it.", offset);
        if (pendingColumns[nextColumn] != catalogIndex)
            throw new WorldFormatException($"Section {name}: expected column '{catalog[pendingColumns[nextColumn]].Name}'.", offset);
        var key = catalog[catalogIndex];
        var bytes = currentTable.GetColumn(key.Id).RowBytes(currentTable.Count);
        if (bytes.Length != payloadLength)
            throw new WorldFormatException($"Section {name}: {payloadLength} bytes for {currentTable.Count} rows of {key.ElementSize}-byte '{key.Name}'.", offset);
        // Read straight into the column: no intermediate copy of large payloads.
        ReadPayloadInto(bytes, payloadCrc, name, offset);
        nextColumn++;
        if (nextColumn == pendingColumns.Length && tablesRead == tableCount)
            FinishTable(offset);
    }

    private byte[] ReadPayload(int payloadLength, uint payloadCrc, string name, long offset)
    {
        var payload = new byte[payloadLength];
        ReadPayloadInto(payload, payloadCrc, name, offset);
        return payload;
    }

    /// <summary>Reads a payload, checks its CRC, and folds that CRC into the whole-file CRC (one pass over the bytes).</summary>
    private void ReadPayloadInto(Span<byte> payload, uint payloadCrc, string name, long offset)
    {
        ReadExactly(payload, $"section {name}", hashed: false);
        uint actual = Crc32C.Compute(payload);
        if (actual != payloadCrc)
            throw new WorldFormatException($"Checksum mismatch in section {name}: stored 0x{payloadCrc:X8}, computed 0x{actual:X8}.", offset);
        fileCrc = Crc32C.Combine(fileCrc, actual, payload.Length);
    }

    private void ReadExactly(Span<byte> destination, string what, bool hashed = true)
    {
        if (destination.Length > length - position)
            throw new WorldFormatException($"Truncated while reading {what}.", position);
        try
        {
            source.ReadExactly(destination);
        }
        catch (EndOfStreamException error)
        {
            throw new WorldFormatException($"Truncated while reading {what} (at byte {position}).", error);
        }

        position += destination.Length;
        // The trailer is excluded from the whole-file checksum: it is read with the CRC taken first.
        if (hashed)
            fileCrc = Crc32C.Append(fileCrc, destination);
    }

    private void Expect(Stage expected, string name, long offset)
    {
        if (stage != expected)
            throw new WorldFormatException($"Section {name} is out of order (expected the {stage} section).", offset);
    }

    private static int NonNegative(int value, string name)
        => value >= 0 ? value : throw new WorldFormatException($"Section {name}: negative count {value}.");
}
