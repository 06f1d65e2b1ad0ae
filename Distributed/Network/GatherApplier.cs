using System.Buffers.Binary;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Distributed.Network;

/// <summary>
/// Writes one rank's gathered state (<see cref="WorldGather"/>'s format) over rank 0's shells as
/// the chunks arrive, so rank 0 never holds a rank's whole state beside its own world: a small
/// state machine that reads the 4-byte fields (entity, table count, table handle and rows) and
/// copies every byte block straight into the component row or table column it belongs to. A field
/// or block may be split across chunks.
/// </summary>
internal sealed class GatherApplier
{
    private readonly World world;
    private readonly Dictionary<Entity, List<Table>> owned;
    private readonly int rank;
    private readonly Queue<Target> copies = new();
    private readonly byte[] field = new byte[4];
    private int fieldBytes, copied;
    private Expect expect = Expect.EntityIndex;
    private int entityIndex, tableIndex, tableGeneration, tableOrdinal;
    private Entity entity;
    private List<Table> tables = [];

    /// <summary>Creates the applier of rank <paramref name="rank"/>'s state into <paramref name="world"/> (rank 0's).</summary>
    public GatherApplier(World world, Dictionary<Entity, List<Table>> owned, int rank)
    {
        this.world = world;
        this.owned = owned;
        this.rank = rank;
    }

    private enum Expect
    {
        EntityIndex,
        EntityGeneration,
        TableCount,
        TableIndex,
        TableGeneration,
        TableRows,
    }

    /// <summary>Applies the next chunk of the rank's state.</summary>
    /// <exception cref="InvalidDataException">The state names an entity or table rank 0 does not have there.</exception>
    public void Feed(ReadOnlySpan<byte> data)
    {
        while (data.Length > 0)
        {
            if (copies.Count > 0)
            {
                var target = copies.Peek();
                var destination = target.Column.RowBytes(target.Rows).Slice(target.Offset + copied, target.Length - copied);
                int n = Math.Min(destination.Length, data.Length);
                data[..n].CopyTo(destination);
                data = data[n..];
                copied += n;
                if (copied == target.Length)
                {
                    copies.Dequeue();
                    copied = 0;
                }

                continue;
            }

            int take = Math.Min(4 - fieldBytes, data.Length);
            data[..take].CopyTo(field.AsSpan(fieldBytes));
            data = data[take..];
            fieldBytes += take;
            if (fieldBytes == 4)
            {
                fieldBytes = 0;
                OnField(BinaryPrimitives.ReadInt32LittleEndian(field));
            }
        }
    }

    /// <summary>Checks that the rank's state ended at an entity boundary.</summary>
    /// <exception cref="InvalidDataException">It ended inside an entity.</exception>
    public void Finish()
    {
        if (expect != Expect.EntityIndex || fieldBytes != 0 || copies.Count != 0)
            throw new InvalidDataException($"Rank {rank}'s state ended inside {entity}: the ranks disagree on the world.");
    }

    private void OnField(int value)
    {
        switch (expect)
        {
            case Expect.EntityIndex:
                entityIndex = value;
                expect = Expect.EntityGeneration;
                break;
            case Expect.EntityGeneration:
                StartEntity(new Entity(entityIndex, value));
                break;
            case Expect.TableCount:
                tables = owned.TryGetValue(entity, out var list) ? list : [];
                if (value != tables.Count)
                    throw new InvalidDataException($"Rank {rank} sent {value} tables of {entity}; rank 0's has {tables.Count}.");
                tableOrdinal = 0;
                expect = value > 0 ? Expect.TableIndex : Expect.EntityIndex;
                break;
            case Expect.TableIndex:
                tableIndex = value;
                expect = Expect.TableGeneration;
                break;
            case Expect.TableGeneration:
                tableGeneration = value;
                expect = Expect.TableRows;
                break;
            default:
                StartTable(value);
                break;
        }
    }

    private void StartEntity(Entity sent)
    {
        if (!world.IsAlive(sent))
            throw new InvalidDataException($"Rank {rank} sent {sent}, which rank 0 does not have.");
        entity = sent;
        var (archetype, row) = world.Locate(sent);
        foreach (int id in archetype.ColumnIds)
        {
            var column = archetype.GetColumn(id);
            var (offset, size) = WorldGather.RowRange(column, archetype.Count, row);
            Enqueue(new Target(column, archetype.Count, offset, size));
        }

        expect = Expect.TableCount;
    }

    private void StartTable(int rows)
    {
        var handle = new TableHandle(tableIndex, tableGeneration);
        if (handle != tables[tableOrdinal].Handle)
            throw new InvalidDataException($"Rank {rank} sent table {handle} of {entity}; rank 0 has {tables[tableOrdinal].Handle} there.");
        world.ResizeTable(handle, rows);
        var table = world.GetTable(handle);
        foreach (int id in table.ColumnIds)
        {
            var column = table.GetColumn(id);
            Enqueue(new Target(column, rows, 0, column.RowBytes(rows).Length));
        }

        tableOrdinal++;
        expect = tableOrdinal < tables.Count ? Expect.TableIndex : Expect.EntityIndex;
    }

    private void Enqueue(Target target)
    {
        if (target.Length > 0)
            copies.Enqueue(target);
    }

    /// <summary>Bytes <c>Offset .. Offset + Length</c> of the first <c>Rows</c> rows of a column.</summary>
    private readonly record struct Target(Column Column, int Rows, int Offset, int Length);
}
