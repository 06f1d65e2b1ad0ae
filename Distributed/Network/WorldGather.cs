using System.Buffers.Binary;
using GrowNet.Ecs.Distributed.Exchange;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Distributed.Network;

/// <summary>
/// Gathers a distributed world to rank 0: every rank sends the whole state of the entities it owns
/// — each population and network object, and the entities a population's tables list (a region's
/// layers, tracts and ports) — as their components' bytes and every table they own (row count and
/// column bytes), and rank 0 writes it over its shells, which have the same entities, tables and
/// handles, chunk by chunk as it arrives (<see cref="GatherApplier"/>), so it never holds a rank's
/// whole state beside its own world. Rank 0 then holds exactly the world one process would have,
/// and marks every entity local. Generic over families: it copies what the world stores, so the
/// gathered world saves to the same bytes.
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
        byte[] data = channel.Rank == 0 ? [] : Serialize(world, OwnedEntities(world, layout, channel.Rank, owned), owned);
        var appliers = new GatherApplier?[channel.Size];
        // Every rank receives every round (an all-gather); only rank 0 applies what it receives.
        channel.GatherAll(data, (rank, chunk) =>
        {
            if (channel.Rank == 0)
                (appliers[rank] ??= new GatherApplier(world, owned, rank)).Feed(chunk);
        });
        if (channel.Rank != 0)
            return;
        foreach (var applier in appliers)
            applier?.Finish();
        world.ReleaseRemotePorts();
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

    /// <summary>
    /// The entities <paramref name="rank"/> owns, ascending: its populations and network objects, and
    /// every live entity their tables list in entity columns (recursively), unless another rank owns it.
    /// </summary>
    private static List<Entity> OwnedEntities(World world, RankLayout layout, int rank, Dictionary<Entity, List<Table>> owned)
    {
        var found = new HashSet<Entity>();
        var pending = new Stack<Entity>(layout.Owners.Where(o => o.Value == rank).Select(o => o.Key));
        while (pending.TryPop(out var entity))
        {
            if (!found.Add(entity) || !owned.TryGetValue(entity, out var tables))
                continue;
            foreach (var table in tables)
            {
                foreach (int id in table.ColumnIds)
                {
                    if (table.GetColumn(id) is not Column<Entity> members)
                        continue;
                    foreach (var member in members.DangerousGetArray().AsSpan(0, table.Count))
                        if (world.IsAlive(member) && layout.OwnerOf(member) < 0 && !found.Contains(member))
                            pending.Push(member);
                }
            }
        }

        return [.. found.OrderBy(e => e.Index)];
    }

    private static byte[] Serialize(World world, List<Entity> entities, Dictionary<Entity, List<Table>> owned)
    {
        var output = new byte[SerializedLength(world, entities, owned)];
        int at = 0;
        void Int(int value)
        {
            BinaryPrimitives.WriteInt32LittleEndian(output.AsSpan(at), value);
            at += 4;
        }

        void Bytes(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(output.AsSpan(at));
            at += bytes.Length;
        }

        foreach (var entity in entities)
        {
            Int(entity.Index);
            Int(entity.Generation);
            var (archetype, row) = world.Locate(entity);
            foreach (int id in archetype.ColumnIds)
                Bytes(RowOf(archetype.GetColumn(id), archetype.Count, row));
            var tables = owned.TryGetValue(entity, out var list) ? list : [];
            Int(tables.Count);
            foreach (var table in tables)
            {
                Int(table.Handle.Index);
                Int(table.Handle.Generation);
                Int(table.Count);
                foreach (int id in table.ColumnIds)
                    Bytes(table.GetColumn(id).RowBytes(table.Count));
            }
        }

        return output;
    }

    /// <summary>The exact length of <see cref="Serialize"/>'s output, so the state is written once into one array.</summary>
    private static int SerializedLength(World world, List<Entity> entities, Dictionary<Entity, List<Table>> owned)
    {
        long length = 0;
        foreach (var entity in entities)
        {
            var (archetype, row) = world.Locate(entity);
            length += 12;
            foreach (int id in archetype.ColumnIds)
                length += RowOf(archetype.GetColumn(id), archetype.Count, row).Length;
            foreach (var table in owned.TryGetValue(entity, out var list) ? list : [])
            {
                length += 12;
                foreach (int id in table.ColumnIds)
                    length += table.GetColumn(id).RowBytes(table.Count).Length;
            }
        }

        return length <= Array.MaxLength ? (int)length
            : throw new InvalidOperationException($"A rank's state of {length} bytes exceeds the 2 GiB one array holds.");
    }

    private static Span<byte> RowOf(Column column, int rows, int row)
    {
        var (offset, size) = RowRange(column, rows, row);
        return column.RowBytes(rows).Slice(offset, size);
    }

    /// <summary>Where row <paramref name="row"/> of a column of <paramref name="rows"/> rows lies in its bytes.</summary>
    internal static (int Offset, int Size) RowRange(Column column, int rows, int row)
    {
        int size = column.RowBytes(rows).Length / rows;
        return (row * size, size);
    }
}
