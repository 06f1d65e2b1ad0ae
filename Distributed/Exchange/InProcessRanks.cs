namespace GrowNet.Ecs.Distributed.Exchange;

/// <summary>
/// Several ranks in one process (Arbor's dry-run idea): each rank is an <see cref="IRankExchange"/>
/// that runs on its own thread and exchanges through shared buffers behind a barrier. For tests and
/// for machines without MPI; a distributed run gives the same bytes on it as on MPI.
/// </summary>
public sealed class InProcessRanks
{
    private readonly AbortableBarrier barrier;
    private readonly byte[][] slots;
    private readonly Endpoint[] ranks;

    /// <summary>Creates a group of <paramref name="size"/> ranks.</summary>
    public InProcessRanks(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        barrier = new AbortableBarrier(size);
        slots = new byte[size][];
        ranks = new Endpoint[size];
        for (int r = 0; r < size; r++)
        {
            slots[r] = new byte[256];
            ranks[r] = new Endpoint(this, r);
        }
    }

    /// <summary>Number of ranks.</summary>
    public int Size => ranks.Length;

    /// <summary>The exchange of rank <paramref name="rank"/>.</summary>
    public IRankExchange this[int rank] => ranks[rank];

    /// <summary>
    /// Runs <paramref name="body"/> once per rank, each on its own thread, and waits for all. A rank
    /// that throws aborts the group, so no other rank stays blocked; the first exception (by rank)
    /// is rethrown, with every rank's exception inside an <see cref="AggregateException"/>.
    /// </summary>
    public static void Run(int size, Action<IRankExchange> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var group = new InProcessRanks(size);
        var errors = new Exception?[size];
        var threads = new Thread[size];
        for (int r = 0; r < size; r++)
        {
            int rank = r;
            threads[r] = new Thread(() =>
            {
                try
                {
                    body(group[rank]);
                }
                catch (Exception error)
                {
                    errors[rank] = error;
                    group.barrier.Abort(rank, $"{error.GetType().Name}: {error.Message}");
                }
            }, 16 << 20) { Name = $"rank {rank}", IsBackground = true };
            threads[r].Start();
        }

        foreach (var thread in threads)
            thread.Join();
        var thrown = errors.Where(e => e is not null).Select(e => e!).ToArray();
        if (thrown.Length > 0)
            throw new AggregateException($"{thrown.Length} of {size} ranks failed; first: {thrown[0].Message}", thrown);
    }

    private sealed class Endpoint(InProcessRanks group, int rank) : IRankExchange
    {
        public int Rank => rank;

        public int Size => group.Size;

        public void Barrier() => group.barrier.SignalAndWait();

        public void AllGather(ReadOnlySpan<byte> send, Span<byte> receive)
        {
            int length = send.Length;
            if (receive.Length < length * Size)
                throw new ArgumentException($"The receive buffer holds {receive.Length} bytes; {Size} ranks × {length} need more.", nameof(receive));
            Publish(send);
            for (int r = 0; r < Size; r++)
                group.slots[r].AsSpan(0, length).CopyTo(receive.Slice(r * length, length));
            group.barrier.SignalAndWait();
        }

        public void AllGatherV(ReadOnlySpan<byte> send, Span<byte> receive, ReadOnlySpan<int> counts, ReadOnlySpan<int> offsets)
        {
            if (counts[rank] != send.Length)
                throw new ArgumentException($"Rank {rank} sends {send.Length} bytes but the counts say {counts[rank]}.", nameof(counts));
            Publish(send);
            for (int r = 0; r < Size; r++)
                group.slots[r].AsSpan(0, counts[r]).CopyTo(receive.Slice(offsets[r], counts[r]));
            group.barrier.SignalAndWait();
        }

        public void Abort(int code, string message)
        {
            group.barrier.Abort(rank, $"aborted with code {code}: {message}");
            throw new RankFailedException(rank, message);
        }

        public void Dispose()
        {
        }

        // Writes this rank's bytes into its slot; the barrier makes every slot visible to every rank.
        private void Publish(ReadOnlySpan<byte> send)
        {
            if (group.slots[rank].Length < send.Length)
                group.slots[rank] = new byte[Math.Max(send.Length, group.slots[rank].Length * 2)];
            send.CopyTo(group.slots[rank]);
            group.barrier.SignalAndWait();
        }
    }
}
