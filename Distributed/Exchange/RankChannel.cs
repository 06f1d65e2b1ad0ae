using System.Buffers.Binary;
using System.Text;

namespace GrowNet.Ecs.Distributed.Exchange;

/// <summary>
/// Rounds over an <see cref="IRankExchange"/> that also carry failure: every round all-gathers a
/// small header per rank (status, payload length) and then the payloads. A rank that fails joins
/// the next round with a failure status and its message, so every other rank, wherever it waits,
/// leaves that round with a <see cref="RankFailedException"/> naming the rank — a failing rank
/// ends the run on every rank instead of leaving the others blocked in a collective. Buffers are
/// reused, so a round allocates nothing once they have grown.
/// </summary>
public sealed class RankChannel
{
    /// <summary>Largest payload of one round; <see cref="GatherAll"/> splits bigger data into rounds.</summary>
    public const int MaxRoundBytes = 64 << 20;

    private const int HeaderBytes = 12;
    private const int StatusOk = 0, StatusFailed = 1;
    private readonly IRankExchange exchange;
    private readonly byte[] header = new byte[HeaderBytes];
    private readonly byte[] headers;
    private readonly int[] counts, offsets;
    private byte[] received = new byte[4096];

    /// <summary>Creates a channel over <paramref name="exchange"/>.</summary>
    public RankChannel(IRankExchange exchange)
    {
        this.exchange = exchange ?? throw new ArgumentNullException(nameof(exchange));
        headers = new byte[HeaderBytes * exchange.Size];
        counts = new int[exchange.Size];
        offsets = new int[exchange.Size];
    }

    /// <summary>This rank.</summary>
    public int Rank => exchange.Rank;

    /// <summary>Number of ranks.</summary>
    public int Size => exchange.Size;

    /// <summary>The exchange underneath.</summary>
    public IRankExchange Exchange => exchange;

    /// <summary>Whether a failure went through this channel (sent or received); later <see cref="Fail"/> calls do nothing.</summary>
    public bool HasFailed { get; private set; }

    /// <summary>Total payload bytes this rank has sent and received in rounds (the exchange cost).</summary>
    public long BytesMoved { get; private set; }

    /// <summary>Sends <paramref name="payload"/> to every rank and receives theirs (read with <see cref="Received"/>).</summary>
    /// <exception cref="RankFailedException">A rank joined this round with a failure.</exception>
    public void Round(ReadOnlySpan<byte> payload) => Round(payload, StatusOk, more: false);

    /// <summary>What rank <paramref name="rank"/> sent in the last round (valid until the next one).</summary>
    public ReadOnlySpan<byte> Received(int rank) => received.AsSpan(offsets[rank], counts[rank]);

    /// <summary>Waits for every rank (a round without payload).</summary>
    public void Barrier() => Round([]);

    /// <summary>
    /// Reports this rank's failure to every rank: joins the round the others wait in (or the next
    /// one they reach) with <paramref name="message"/>. Returns after that round; the caller ends.
    /// </summary>
    public void Fail(string message)
    {
        if (HasFailed)
            return;
        HasFailed = true;
        var text = Encoding.UTF8.GetBytes(message.Length > 4000 ? message[..4000] : message);
        try
        {
            Round(text, StatusFailed, more: false);
        }
        catch (RankFailedException)
        {
            // Expected: this round carries our own failure (and maybe others').
        }
    }

    /// <summary>
    /// Every rank sends all of <paramref name="data"/> (any size, in rounds of at most
    /// <see cref="MaxRoundBytes"/>); <paramref name="receive"/> gets every rank's data, rank by rank, in order.
    /// </summary>
    public void GatherAll(ReadOnlySpan<byte> data, ChunkReceiver receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        int sent = 0;
        while (true)
        {
            int length = Math.Min(MaxRoundBytes, data.Length - sent);
            bool anyMore = Round(data.Slice(sent, length), StatusOk, more: sent + length < data.Length);
            sent += length;
            for (int r = 0; r < Size; r++)
                if (counts[r] > 0)
                    receive(r, Received(r));
            if (!anyMore)
                return;
        }
    }

    private bool Round(ReadOnlySpan<byte> payload, int status, bool more)
    {
        BinaryPrimitives.WriteInt32LittleEndian(header, status);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), payload.Length);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(8), more ? 1 : 0);
        exchange.AllGather(header, headers);
        long total = 0;
        bool anyMore = false;
        int failed = -1;
        for (int r = 0; r < Size; r++)
        {
            var rankHeader = headers.AsSpan(r * HeaderBytes, HeaderBytes);
            if (BinaryPrimitives.ReadInt32LittleEndian(rankHeader) != StatusOk && failed < 0)
                failed = r;
            counts[r] = BinaryPrimitives.ReadInt32LittleEndian(rankHeader[4..]);
            anyMore |= BinaryPrimitives.ReadInt32LittleEndian(rankHeader[8..]) != 0;
            offsets[r] = (int)total;
            total += counts[r];
        }

        if (total > int.MaxValue)
            throw new InvalidOperationException($"A round of {total} bytes exceeds the 2 GiB a collective can address.");
        if (received.Length < total)
            received = new byte[Math.Max(total, received.Length * 2L) > int.MaxValue ? (int)total : (int)Math.Max(total, received.Length * 2L)];
        exchange.AllGatherV(payload, received, counts, offsets);
        BytesMoved += total;
        if (failed >= 0)
        {
            HasFailed = true;
            throw new RankFailedException(failed, Encoding.UTF8.GetString(Received(failed)));
        }

        return anyMore;
    }
}
