using System.Buffers.Binary;
using System.Runtime.InteropServices;
using GrowNet.Ecs.Components.Network;
using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Distributed.Exchange;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Distributed.Network;

/// <summary>
/// The once-per-tick exchange of a distributed run, in the Propagate phase right after the pools'
/// spike step (and before projections transmit): this rank sends the outputs it owns that other
/// ranks read (<see cref="RankLayout.Exports"/>: spike lists, traces, source values of this tick;
/// other ports cross in <see cref="RankPortExchangeSystem"/>)
/// and writes every other rank's into its shells, so a local projection from a remote pool sees
/// that pool's spike list and a link or modulator term reading a remote port at the next tick's
/// Input reads the owner's end-of-tick value. Message: the tick (u64) and a stop flag (u32, so all
/// ranks agree on the tick a signal stops the run), then each owned item in
/// layout order — spikes as a count (i32) and one u16 per spiking cell, traces one i8 per cell,
/// values one f64 per element. Buffers are reused: no allocation per tick.
/// </summary>
public sealed class RankExchangeSystem : ISystem
{
    private readonly RankChannel channel;
    private readonly ExportItem[] exports;
    private byte[] message = new byte[1024];

    /// <summary>Creates the exchange of <paramref name="layout"/> over <paramref name="channel"/>.</summary>
    public RankExchangeSystem(RankChannel channel, RankLayout layout)
    {
        this.channel = channel ?? throw new ArgumentNullException(nameof(channel));
        ArgumentNullException.ThrowIfNull(layout);
        exports = layout.Exports.Where(e => e.Kind != ExportKind.Port).ToArray();
    }

    /// <inheritdoc />
    public string Name => "RankExchange";

    /// <summary>Message header: the tick and the stop flag.</summary>
    public const int HeaderBytes = 12;

    /// <summary>Set by the host when this rank wants the run to stop after this tick (a signal).</summary>
    public bool LocalStop { get; set; }

    /// <summary>Whether any rank asked to stop in this tick's exchange: the same answer on every rank.</summary>
    public bool AnyStop { get; private set; }

    /// <summary>Spikes this rank sent since creation.</summary>
    public long SpikesSent { get; private set; }

    /// <summary>Message bytes this rank sent since creation (its share of the exchange).</summary>
    public long BytesSent { get; private set; }

    /// <inheritdoc />
    public void Update(World world)
    {
        int length = Pack(world);
        channel.Round(message.AsSpan(0, length));
        bool stop = LocalStop;
        for (int rank = 0; rank < channel.Size; rank++)
        {
            if (rank == channel.Rank)
                continue;
            var data = channel.Received(rank);
            Unpack(world, rank, data);
            stop |= BinaryPrimitives.ReadUInt32LittleEndian(data[8..]) != 0;
        }

        AnyStop = stop;
    }

    private int Pack(World world)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(message.AsSpan(0), world.Tick);
        BinaryPrimitives.WriteUInt32LittleEndian(message.AsSpan(8), LocalStop ? 1u : 0u);
        int at = HeaderBytes;
        foreach (var item in exports)
        {
            if (item.Owner != channel.Rank)
                continue;
            switch (item.Kind)
            {
                case ExportKind.Spikes:
                    ref readonly var state = ref world.Get<PoolState>(item.Population);
                    int count = state.LastSpikeCount;
                    var list = world.GetTable(state.Cells).Span(PoolColumns.SpikeList)[..count];
                    at = Reserve(at, 4 + 2 * count);
                    BinaryPrimitives.WriteInt32LittleEndian(message.AsSpan(at), count);
                    var cells = MemoryMarshal.Cast<byte, ushort>(message.AsSpan(at + 4, 2 * count));
                    for (int k = 0; k < count; k++)
                        cells[k] = (ushort)list[k];
                    at += 4 + 2 * count;
                    SpikesSent += count;
                    break;
                case ExportKind.Trace:
                    var trace = world.GetTable(world.Get<PoolState>(item.Population).Cells).Span(PoolColumns.Trace);
                    at = Reserve(at, trace.Length);
                    MemoryMarshal.AsBytes(trace).CopyTo(message.AsSpan(at));
                    at += trace.Length;
                    break;
                default:
                    var values = world.GetTable(world.Get<SourceState>(item.Population).Values).Span(NetworkColumns.SourceValue);
                    at = Reserve(at, 8 * values.Length);
                    MemoryMarshal.AsBytes(values).CopyTo(message.AsSpan(at));
                    at += 8 * values.Length;
                    break;
            }
        }

        BytesSent += at;
        return at;
    }

    private void Unpack(World world, int rank, ReadOnlySpan<byte> data)
    {
        CheckTick(world, channel.Rank, rank, data);
        int at = HeaderBytes;
        foreach (var item in exports)
        {
            if (item.Owner != rank)
                continue;
            switch (item.Kind)
            {
                case ExportKind.Spikes:
                    at = ApplySpikes(world, item, data, at);
                    break;
                case ExportKind.Trace:
                    var trace = world.GetTable(world.Get<PoolState>(item.Population).Cells).Span(PoolColumns.Trace);
                    data.Slice(at, trace.Length).CopyTo(MemoryMarshal.AsBytes(trace));
                    at += trace.Length;
                    break;
                default:
                    var values = world.GetTable(world.Get<SourceState>(item.Population).Values).Span(NetworkColumns.SourceValue);
                    data.Slice(at, 8 * values.Length).CopyTo(MemoryMarshal.AsBytes(values));
                    at += 8 * values.Length;
                    break;
            }
        }

        if (at != data.Length)
            throw new InvalidOperationException($"Rank {rank} sent {data.Length} bytes; its exports take {at}: the ranks disagree on the layout.");
    }

    /// <summary>Throws when rank <paramref name="rank"/>'s message (which starts with its tick, a u64) is of another tick than this rank's.</summary>
    internal static void CheckTick(World world, int self, int rank, ReadOnlySpan<byte> data)
    {
        ulong tick = data.Length >= 8 ? BinaryPrimitives.ReadUInt64LittleEndian(data) : ulong.MaxValue;
        if (tick != world.Tick)
            throw new InvalidOperationException($"Rank {rank} sent tick {tick} while rank {self} is at tick {world.Tick}: the ranks run different worlds.");
    }

    /// <summary>A shell pool takes the owner's spikes: its spike list and count, and its spike flags (the old ones cleared).</summary>
    private static int ApplySpikes(World world, in ExportItem item, ReadOnlySpan<byte> data, int at)
    {
        ref var state = ref world.Get<PoolState>(item.Population);
        var cellTable = world.GetTable(state.Cells);
        var list = cellTable.Span(PoolColumns.SpikeList);
        var spikeOut = cellTable.Span(PoolColumns.SpikeOut);
        for (int k = 0; k < state.LastSpikeCount; k++)
            spikeOut[list[k]] = 0;
        int count = BinaryPrimitives.ReadInt32LittleEndian(data[at..]);
        if ((uint)count > (uint)item.Length)
            throw new InvalidOperationException($"A message lists {count} spikes for a pool of {item.Length} cells.");
        var cells = MemoryMarshal.Cast<byte, ushort>(data.Slice(at + 4, 2 * count));
        for (int k = 0; k < count; k++)
        {
            int cell = cells[k];
            list[k] = cell;
            spikeOut[cell] = 1;
        }

        state.LastSpikeCount = count;
        return at + 4 + 2 * count;
    }

    private int Reserve(int at, int bytes)
    {
        if (message.Length < at + bytes)
            Array.Resize(ref message, Math.Max(at + bytes, message.Length * 2));
        return at;
    }
}
