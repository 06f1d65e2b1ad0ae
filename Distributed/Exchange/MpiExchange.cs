namespace GrowNet.Ecs.Distributed.Exchange;

/// <summary>
/// <see cref="IRankExchange"/> over MPI_COMM_WORLD through the thin Open MPI binding
/// (<see cref="MpiNative"/>). Errors return codes (MPI_ERRORS_RETURN is set on the communicator)
/// and every code is checked, so a failed call becomes an <see cref="MpiException"/> naming it.
/// </summary>
public sealed unsafe class MpiExchange : IRankExchange
{
    private bool disposed;

    private MpiExchange(int rank, int size)
    {
        Rank = rank;
        Size = size;
    }

    /// <summary>Whether this process was started by <c>mpirun</c>/<c>mpiexec</c> (Open MPI, PMIx or PMI environment).</summary>
    public static bool IsLaunchedByMpi =>
        Environment.GetEnvironmentVariable("OMPI_COMM_WORLD_SIZE") is not null
        || Environment.GetEnvironmentVariable("PMIX_RANK") is not null
        || Environment.GetEnvironmentVariable("PMI_SIZE") is not null;

    /// <summary>Initializes MPI (once per process) and returns this process's place in MPI_COMM_WORLD.</summary>
    /// <exception cref="MpiException">The library is missing or a call failed.</exception>
    public static MpiExchange Initialize()
    {
        MpiNative.Load();
        int initialized = 0;
        MpiNative.Check(MpiNative.Initialized(&initialized), "MPI_Initialized");
        if (initialized == 0)
        {
            // A waiting rank yields its core instead of busy-polling: the rank's process binds all of
            // its threads (runtime, recordings, workers) to its cores, and a busy-polling wait kept
            // them off it — on the scale network over 2 ranks 6.1 ticks/s busy-polling against 8.7
            // yielding. Set OMPI_MCA_mpi_yield_when_idle=0 to poll.
            MpiNative.SetNativeEnvironmentDefault("OMPI_MCA_mpi_yield_when_idle", "1");
            MpiNative.Check(MpiNative.Init(null, null), "MPI_Init");
        }
        MpiNative.Check(MpiNative.CommSetErrhandler(MpiNative.CommWorld, MpiNative.ErrorsReturn), "MPI_Comm_set_errhandler");
        int rank = 0, size = 0;
        MpiNative.Check(MpiNative.CommRank(MpiNative.CommWorld, &rank), "MPI_Comm_rank");
        MpiNative.Check(MpiNative.CommSize(MpiNative.CommWorld, &size), "MPI_Comm_size");
        return new MpiExchange(rank, size);
    }

    /// <inheritdoc />
    public int Rank { get; }

    /// <inheritdoc />
    public int Size { get; }

    /// <inheritdoc />
    public void Barrier() => MpiNative.Check(MpiNative.Barrier(MpiNative.CommWorld), "MPI_Barrier");

    /// <inheritdoc />
    public void AllGather(ReadOnlySpan<byte> send, Span<byte> receive)
    {
        if (receive.Length < (long)send.Length * Size)
            throw new ArgumentException($"The receive buffer holds {receive.Length} bytes; {Size} ranks × {send.Length} need more.", nameof(receive));
        fixed (byte* s = send)
        fixed (byte* r = receive)
            MpiNative.Check(MpiNative.Allgather(s, send.Length, MpiNative.Byte, r, send.Length, MpiNative.Byte, MpiNative.CommWorld), "MPI_Allgather");
    }

    /// <inheritdoc />
    public void AllGatherV(ReadOnlySpan<byte> send, Span<byte> receive, ReadOnlySpan<int> counts, ReadOnlySpan<int> offsets)
    {
        if (counts.Length != Size || offsets.Length != Size)
            throw new ArgumentException($"counts and offsets need one entry per rank ({Size}).");
        // A zero-length span may pin to null; MPI wants a valid address even for no bytes.
        byte dummy = 0;
        fixed (byte* s0 = send)
        fixed (byte* r0 = receive)
        fixed (int* c = counts)
        fixed (int* o = offsets)
        {
            byte* s = s0 == null ? &dummy : s0;
            byte* r = r0 == null ? &dummy : r0;
            MpiNative.Check(MpiNative.Allgatherv(s, send.Length, MpiNative.Byte, r, c, o, MpiNative.Byte, MpiNative.CommWorld), "MPI_Allgatherv");
        }
    }

    /// <inheritdoc />
    public void Abort(int code, string message)
    {
        Console.Error.WriteLine($"error: rank {Rank}: {message}");
        Console.Error.Flush();
        MpiNative.Abort(MpiNative.CommWorld, code);
        throw new RankFailedException(Rank, message);
    }

    /// <summary>Finalizes MPI (after every rank's last collective).</summary>
    public void Dispose()
    {
        if (disposed)
            return;
        disposed = true;
        int finalized = 0;
        MpiNative.Check(MpiNative.Finalized(&finalized), "MPI_Finalized");
        if (finalized == 0)
            MpiNative.Check(MpiNative.Finalize(), "MPI_Finalize");
    }
}
