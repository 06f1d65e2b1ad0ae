using System.Buffers.Binary;
using System.Runtime.InteropServices;
using GrowNet.Ecs.Distributed.Exchange;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Engine.Models;
using GrowNet.Ecs.Systems;

namespace GrowNet.Ecs.Distributed.Network;

/// <summary>
/// The second exchange of a distributed run, first in the Input phase (before the network reads
/// its ports): the ranges of ports other than pool spikes and traces and source values that links
/// and modulator terms read on another rank (<see cref="ExportKind.Port"/>: a region's frame, a
/// topology block's activation, a graph block's prediction, …). Their values are final only at the
/// end of a tick, and the host may still change state between ticks, so the owner reads them
/// where the reader would: at the start of the next tick, just before the links read. Each rank
/// receives the ranges of its remote populations into the buffers the world holds for them
/// (<see cref="World.HoldRemotePort"/>), which is where <see cref="Population.ReadPort(int, int, Span{double})"/>
/// reads a remote population's port. Message: the tick (u64), then each owned range in layout
/// order, one f64 per element. Buffers are reused: no allocation per tick.
/// </summary>
public sealed class RankPortExchangeSystem : ISystem
{
    /// <summary>Message header: the tick.</summary>
    public const int HeaderBytes = 8;

    private readonly RankChannel channel;
    private readonly ExportItem[] exports;
    private readonly Population?[] owned;
    private readonly double[]?[] held;
    private readonly byte[] message;

    /// <summary>Creates the port exchange of <paramref name="layout"/>'s <see cref="ExportKind.Port"/> items in <paramref name="world"/>.</summary>
    public RankPortExchangeSystem(World world, RankChannel channel, RankLayout layout)
    {
        ArgumentNullException.ThrowIfNull(world);
        this.channel = channel ?? throw new ArgumentNullException(nameof(channel));
        ArgumentNullException.ThrowIfNull(layout);
        exports = layout.Exports.Where(e => e.Kind == ExportKind.Port).ToArray();
        var populations = ModelFamilies.Catalog.Populations(world).ToDictionary(p => p.Entity);
        owned = new Population?[exports.Length];
        held = new double[]?[exports.Length];
        int bytes = HeaderBytes;
        for (int i = 0; i < exports.Length; i++)
        {
            var item = exports[i];
            if (item.Owner == channel.Rank)
            {
                owned[i] = populations[item.Population];
                bytes += 8 * item.Length;
            }
            else
            {
                held[i] = world.HoldRemotePort(item.Population, item.Port, item.Start, item.Length);
            }
        }

        message = new byte[bytes];
    }

    /// <inheritdoc />
    public string Name => "RankPortExchange";

    /// <summary>Whether <paramref name="layout"/> has port ranges to exchange (otherwise the system is not needed).</summary>
    public static bool IsNeeded(RankLayout layout) => layout.Exports.Any(e => e.Kind == ExportKind.Port);

    /// <summary>Message bytes this rank sent since creation.</summary>
    public long BytesSent { get; private set; }

    /// <inheritdoc />
    public void Update(World world)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(message, world.Tick);
        int at = HeaderBytes;
        for (int i = 0; i < exports.Length; i++)
        {
            if (owned[i] is not { } population)
                continue;
            var item = exports[i];
            population.ReadPort(item.Port, item.Start, MemoryMarshal.Cast<byte, double>(message.AsSpan(at, 8 * item.Length)));
            at += 8 * item.Length;
        }

        channel.Round(message);
        BytesSent += message.Length;
        for (int rank = 0; rank < channel.Size; rank++)
        {
            if (rank != channel.Rank)
                Unpack(world, rank, channel.Received(rank));
        }
    }

    private void Unpack(World world, int rank, ReadOnlySpan<byte> data)
    {
        RankExchangeSystem.CheckTick(world, channel.Rank, rank, data);
        int at = HeaderBytes;
        for (int i = 0; i < exports.Length; i++)
        {
            var item = exports[i];
            if (item.Owner != rank)
                continue;
            if (data.Length < at + 8 * item.Length)
                break;
            data.Slice(at, 8 * item.Length).CopyTo(MemoryMarshal.AsBytes(held[i].AsSpan()));
            at += 8 * item.Length;
        }

        if (at != data.Length)
            throw new InvalidOperationException($"Rank {rank} sent {data.Length} bytes of port values; its ports take {at}: the ranks disagree on the layout.");
    }
}
