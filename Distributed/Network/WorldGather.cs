using System.Buffers.Binary;
using GrowNet.Ecs.Distributed.Exchange;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Distributed.Network;

/// <summary>
/// Gathers a distributed world to rank 0: every rank sends the whole state of the entities it owns
/// (their components' bytes and every table they own: row count and column bytes), and rank 0
/// writes it over its shells, which have the same entities, tables and handles. Rank 0 then holds
/// exactly the world one process would have, and marks every entity local. Generic over families:
/// it copies what the world stores, so the gathered world saves to the same bytes.
/// </summary>
public static class WorldGather
{
    /// <summary>Sends this rank's entities to rank 0 (a collective: every rank calls it); on rank 0 the world becomes whole.</summary>
    /// <exception cref="InvalidDataException">A message does not match rank 0's entities or tables.</exception>
    public static void ToRankZero(World world, RankLayout layout, RankChannel channel)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(channel);
        var owned = OwnedTables(world);
        byte[] data = channel.Rank == 0 ? [] : Serialize(world, layout, channel.Rank, owned);
        var received = new MemoryStream[channel.Size];
        // Every rank receives every round (an all-gather); only rank 0 keeps what it receives.
        channel.GatherAll(data, (rank, chunk) =>
        {
            if (channel.Rank == 0)
                (received[rank] ??= new MemoryStream()).Write(chunk);
        });
        if (channel.Rank != 0)
            return;
        for (int rank = 1; rank < channel.Size; rank++)
            if (received[rank] is { } stream)
                Apply(world, stream.GetBuffer().AsSpan(0, (int)stream.Length), owned);
        foreach (var entity in layout.Owners.Keys)
            world.SetRemote(entity, false);
    }

    private static Dictionary<Entity, List<Table>> OwnedTables(World world)
    {
        var owned = new Dictionary<Entity, List<Table>>();
        foreach (var table in world.Tables())
        {
            if (table.HoldsEntities)
                continue;
            if (!owned.TryGetValue(table.Owner, out var list))
                owned[table.Owner] = list = new List<Table>();
            list.Add(table);
        }

        return owned;
    }

    private static byte[] Serialize(World world, RankLayout layout, int rank, Dictionary<Entity, List<Table>> owned)
    {
        var output = new MemoryStream();
        var scratch = new byte[12];
        void Int(int value)
        {
            BinaryPrimitives.WriteInt32LittleEndian(scratch, value);
            output.Write(scratch, 0, 4);
        }

        foreach (var entity in layout.Owners.Where(o => o.Value == rank).Select(o => o.Key).OrderBy(e => e.Index))
        {
            Int(entity.Index);
            Int(entity.Generation);
            var (archetype, row) = world.Locate(entity);
            foreach (int id in archetype.ColumnIds)
                output.Write(RowOf(archetype.GetColumn(id), archetype.Count, row));
            var tables = owned.TryGetValue(entity, out var list) ? list : [];
            Int(tables.Count);
            foreach (var table in tables)
            {
                Int(table.Handle.Index);
                Int(table.Handle.Generation);
                Int(table.Count);
                foreach (int id in table.ColumnIds)
                    output.Write(table.GetColumn(id).RowBytes(table.Count));
            }
        }

        return output.ToArray();
    }

    private static void Apply(World world, ReadOnlySpan<byte> data, Dictionary<Entity, List<Table>> owned)
    {
        int at = 0;
        int Int(ReadOnlySpan<byte> bytes)
        {
            int value = BinaryPrimitives.ReadInt32LittleEndian(bytes[at..]);
            at += 4;
            return value;
        }

        while (at < data.Length)
        {
            var entity = new Entity(Int(data), Int(data));
            if (!world.IsAlive(entity))
                throw new InvalidDataException($"A rank sent {entity}, which rank 0 does not have.");
            var (archetype, row) = world.Locate(entity);
            foreach (int id in archetype.ColumnIds)
            {
                var target = RowOf(archetype.GetColumn(id), archetype.Count, row);
                data.Slice(at, target.Length).CopyTo(target);
                at += target.Length;
            }

            int tableCount = Int(data);
            var tables = owned.TryGetValue(entity, out var list) ? list : [];
            if (tableCount != tables.Count)
                throw new InvalidDataException($"A rank sent {tableCount} tables of {entity}; rank 0's has {tables.Count}.");
            for (int t = 0; t < tableCount; t++)
            {
                var handle = new TableHandle(Int(data), Int(data));
                int rows = Int(data);
                if (handle != tables[t].Handle)
                    throw new InvalidDataException($"A rank sent table {handle} of {entity}; rank 0 has {tables[t].Handle} there.");
                world.ResizeTable(handle, rows);
                var table = world.GetTable(handle);
                foreach (int id in table.ColumnIds)
                {
                    var target = table.GetColumn(id).RowBytes(rows);
                    data.Slice(at, target.Length).CopyTo(target);
                    at += target.Length;
                }
            }
        }
    }

    private static Span<byte> RowOf(Column column, int rows, int row)
    {
        var all = column.RowBytes(rows);
        int size = all.Length / rows;
        return all.Slice(row * size, size);
    }
}
