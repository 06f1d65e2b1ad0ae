using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Serialization.Checksums;

namespace GrowNet.Ecs.Serialization.Worlds;

/// <summary>Writes one world as a <c>.gnw</c> stream: header, sections, trailer, with running CRCs.</summary>
internal sealed class WorldWriter
{
    private readonly Stream destination;
    private readonly byte[] headerBuffer = new byte[WorldFileLayout.SectionHeaderSize];
    private uint fileCrc;

    public WorldWriter(Stream destination) => this.destination = destination;

    public void Write(World world)
    {
        var plan = SavePlan.Of(world);
        Span<byte> header = stackalloc byte[WorldFileLayout.HeaderSize];
        WorldFileLayout.WriteHeader(header, (uint)plan.SectionCount);
        Emit(header);

        var payload = new PayloadBuilder();
        payload.UInt64(world.Seed).UInt64(world.Tick).Int32(world.EntitySlotCount).Int32(world.TableSlotCount)
            .Int32(plan.Tables.Count).Int32(plan.ArchetypeCount);
        Section(WorldSectionKind.WorldInfo, 0, 0, payload);

        payload = new PayloadBuilder().Int32(plan.Catalog.Count);
        foreach (var key in plan.Catalog)
            payload.Int32(key.ElementSize).String(key.Name);
        Section(WorldSectionKind.ColumnCatalog, 0, 0, payload);

        payload = new PayloadBuilder().Int32s(world.EntityGenerations);
        payload.Int32s(world.FreeEntitySlots());
        Section(WorldSectionKind.EntitySlots, 0, 0, payload);

        payload = new PayloadBuilder().Int32s(world.TableGenerations);
        payload.Int32s(world.FreeTableSlots());
        Section(WorldSectionKind.TableSlots, 0, 0, payload);

        foreach (var table in plan.Tables)
        {
            var ids = table.ColumnIds;
            payload = new PayloadBuilder()
                .Byte(table.HoldsEntities ? (byte)1 : (byte)0)
                .Int32(table.Owner.Index).Int32(table.Owner.Generation)
                .Int32(table.Count).Int32(ids.Length);
            foreach (int id in ids)
                payload.Int32(plan.CatalogIndex[id]);
            if (table.HoldsEntities)
                payload.Raw(MemoryMarshal.AsBytes(table.Entities));
            Section(WorldSectionKind.Table, (uint)table.Handle.Index, 0, payload);
            foreach (int id in ids)
                RawSection(WorldSectionKind.Column, (uint)table.Handle.Index, (uint)plan.CatalogIndex[id], table.GetColumn(id).RowBytes(table.Count));
        }

        var names = world.Names.All().ToArray();
        payload = new PayloadBuilder().Int32(names.Length);
        foreach (var (entity, name) in names)
            payload.Int32(entity.Index).Int32(entity.Generation).String(name);
        Section(WorldSectionKind.Names, 0, 0, payload);

        Span<byte> trailer = stackalloc byte[WorldFileLayout.TrailerSize];
        WorldFileLayout.TrailerMagic.CopyTo(trailer);
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[8..], fileCrc);
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[12..], 0);
        destination.Write(trailer);
    }

    private void Section(WorldSectionKind kind, uint id, uint subId, PayloadBuilder payload)
        => RawSection(kind, id, subId, payload.Span);

    private void RawSection(WorldSectionKind kind, uint id, uint subId, ReadOnlySpan<byte> payload)
    {
        uint payloadCrc = Crc32C.Compute(payload);
        WorldFileLayout.WriteSectionHeader(headerBuffer, (ushort)kind, 0, id, subId, (ulong)payload.Length, payloadCrc);
        Emit(headerBuffer);
        // The whole-file CRC takes the payload's CRC instead of a second pass over its bytes.
        fileCrc = Crc32C.Combine(fileCrc, payloadCrc, payload.Length);
        destination.Write(payload);
    }

    private void Emit(ReadOnlySpan<byte> bytes)
    {
        fileCrc = Crc32C.Append(fileCrc, bytes);
        destination.Write(bytes);
    }

    /// <summary>What gets written, in order: archetype tables in archetype order, then population tables by slot.</summary>
    private sealed class SavePlan
    {
        public List<Table> Tables { get; } = new();
        public List<ColumnKey> Catalog { get; } = new();
        public Dictionary<int, int> CatalogIndex { get; } = new();
        public int ArchetypeCount { get; private set; }
        public int SectionCount { get; private set; }

        public static SavePlan Of(World world)
        {
            var plan = new SavePlan();
            foreach (var table in world.Archetypes)
                plan.Tables.Add(table);
            plan.ArchetypeCount = plan.Tables.Count;
            for (int index = 0; index < world.TableSlotCount; index++)
            {
                if (world.TableAt(index) is { HoldsEntities: false } population)
                    plan.Tables.Add(population);
            }

            int columns = 0;
            foreach (var table in plan.Tables)
            {
                foreach (int id in table.ColumnIds)
                {
                    columns++;
                    if (plan.CatalogIndex.ContainsKey(id))
                        continue;
                    plan.CatalogIndex.Add(id, plan.Catalog.Count);
                    plan.Catalog.Add(ColumnKey.FromId(id));
                }
            }

            // WorldInfo, ColumnCatalog, EntitySlots, TableSlots, one per table and column, Names.
            plan.SectionCount = 5 + plan.Tables.Count + columns;
            return plan;
        }
    }

    /// <summary>Little-endian payload of a small section.</summary>
    private sealed class PayloadBuilder
    {
        private byte[] buffer = new byte[256];
        private int length;

        public ReadOnlySpan<byte> Span => buffer.AsSpan(0, length);

        public PayloadBuilder Byte(byte value)
        {
            Reserve(1)[0] = value;
            return this;
        }

        public PayloadBuilder Int32(int value)
        {
            BinaryPrimitives.WriteInt32LittleEndian(Reserve(4), value);
            return this;
        }

        public PayloadBuilder UInt64(ulong value)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(Reserve(8), value);
            return this;
        }

        /// <summary>A count followed by the values.</summary>
        public PayloadBuilder Int32s(ReadOnlySpan<int> values)
        {
            Int32(values.Length);
            return Raw(MemoryMarshal.AsBytes(values));
        }

        public PayloadBuilder String(string value)
        {
            int bytes = Encoding.UTF8.GetByteCount(value);
            Int32(bytes);
            Encoding.UTF8.GetBytes(value, Reserve(bytes));
            return this;
        }

        public PayloadBuilder Raw(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(Reserve(bytes.Length));
            return this;
        }

        private Span<byte> Reserve(int count)
        {
            if (length + count > buffer.Length)
                Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + count));
            var span = buffer.AsSpan(length, count);
            length += count;
            return span;
        }
    }
}
