namespace GrowNet.Ecs.Distributed.Exchange;

/// <summary>
/// The collective operations a distributed run needs, over a fixed group of ranks (an MPI
/// communicator or in-process ranks). Every rank calls the same operations in the same order;
/// a call returns once every rank has made it.
/// </summary>
public interface IRankExchange : IDisposable
{
    /// <summary>This rank, 0..<see cref="Size"/> − 1.</summary>
    int Rank { get; }

    /// <summary>Number of ranks.</summary>
    int Size { get; }

    /// <summary>Waits until every rank has called it.</summary>
    void Barrier();

    /// <summary>
    /// Every rank sends <paramref name="send"/> (the same length on every rank); every rank
    /// receives all of them, rank by rank, into <paramref name="receive"/> (<see cref="Size"/> × that length).
    /// </summary>
    void AllGather(ReadOnlySpan<byte> send, Span<byte> receive);

    /// <summary>
    /// Every rank sends <paramref name="send"/>; rank r's bytes land in <paramref name="receive"/>
    /// at <paramref name="offsets"/>[r], <paramref name="counts"/>[r] long (counts must be what each rank sends).
    /// </summary>
    void AllGatherV(ReadOnlySpan<byte> send, Span<byte> receive, ReadOnlySpan<int> counts, ReadOnlySpan<int> offsets);

    /// <summary>Ends the whole group at once (every rank) with <paramref name="code"/>; does not return normally.</summary>
    void Abort(int code, string message);
}
