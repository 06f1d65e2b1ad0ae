namespace GrowNet.Ecs.Engine;

/// <summary>
/// Range-parallel loops over the threads of an <see cref="IThreadDispatcher"/> (by default a
/// <see cref="WorkerThreadDispatcher"/> the pool owns). The range is cut into blocks of a fixed
/// size chosen by the caller, never by the thread count, so each block computes the same thing
/// whichever thread runs it: results are identical on any number of threads and with any
/// dispatcher. Runs one loop at a time; a loop started from inside a loop runs serially. After
/// the workers exist, a loop allocates nothing.
/// </summary>
public sealed class WorkerPool : IDisposable
{
    private readonly object runGate = new();
    private readonly IThreadDispatcher dispatcher;
    private readonly bool ownsDispatcher;
    private readonly Action<int> workerBody;
    private readonly Dictionary<Type, IBlockJob> jobs = new();
    private IBlockJob? job;
    private readonly object failureGate = new();
    private Exception? failure;
    private int failureBlock;
    private int nextBlock;
    private int blockCount;
    private bool disposed;
    [ThreadStatic] private static bool insideLoop;
    private const string FailureMessage = "A parallel block failed.";

    /// <summary>Creates a pool on its own worker threads: up to <paramref name="threadCount"/> threads (including the caller's).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threadCount"/> is below 1.</exception>
    public WorkerPool(int threadCount)
        : this(new WorkerThreadDispatcher(threadCount), ownsDispatcher: true)
    {
    }

    /// <summary>
    /// Creates a pool whose loops run on a host's threads. The host keeps ownership:
    /// disposing the pool does not dispose <paramref name="dispatcher"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="dispatcher"/> is null.</exception>
    /// <exception cref="ArgumentException">The dispatcher reports fewer than one thread.</exception>
    public WorkerPool(IThreadDispatcher dispatcher)
        : this(dispatcher ?? throw new ArgumentNullException(nameof(dispatcher)), ownsDispatcher: false)
    {
    }

    private WorkerPool(IThreadDispatcher dispatcher, bool ownsDispatcher)
    {
        if (dispatcher.ThreadCount < 1)
            throw new ArgumentException($"A thread dispatcher must offer at least one thread; this one reports {dispatcher.ThreadCount}.", nameof(dispatcher));
        this.dispatcher = dispatcher;
        this.ownsDispatcher = ownsDispatcher;
        ThreadCount = dispatcher.ThreadCount;
        // Created once: dispatching a cached delegate allocates nothing per loop.
        workerBody = _ => RunBlocks();
    }

    /// <summary>Threads a loop may use, the calling thread included.</summary>
    public int ThreadCount { get; }

    /// <summary>The dispatcher the loops run on.</summary>
    public IThreadDispatcher Dispatcher => dispatcher;

    /// <summary>Whether the pool runs on its own built-in threads (rather than a host's dispatcher).</summary>
    public bool OwnsDispatcher => ownsDispatcher;

    /// <summary>
    /// Runs <paramref name="action"/> over [0, <paramref name="length"/>) in blocks of
    /// <paramref name="blockSize"/>. Serial when there is one block, one thread, or when called
    /// from inside another loop. The action is copied once per call; struct fields it writes are
    /// not copied back, so results go to arrays it references.
    /// </summary>
    /// <exception cref="AggregateException">
    /// A block threw, on any thread count. Blocks are handed out in ascending order and every
    /// started block finishes, so the inner exception is that of the lowest-numbered failing
    /// block, as in a serial run; blocks not yet started when it failed are skipped. The pool
    /// stays usable.
    /// </exception>
    public void For<TAction>(int length, int blockSize, in TAction action) where TAction : struct, IRangeAction
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);
        if (length == 0)
            return;
        int blocks = (int)(((long)length + blockSize - 1) / blockSize);
        if (blocks == 1 || ThreadCount == 1 || insideLoop || disposed)
        {
            RunSerially(length, blockSize, blocks, action);
            return;
        }

        lock (runGate)
        {
            if (disposed)
            {
                // Disposed while this call waited for the gate: the workers are gone.
                RunSerially(length, blockSize, blocks, action);
                return;
            }

            var box = Job<TAction>();
            box.Action = action;
            box.Length = length;
            box.BlockSize = blockSize;
            job = box;
            blockCount = blocks;
            nextBlock = -1;
            // Reset before any worker can run: a worker that fails early must not have its
            // failure wiped out (or blocked by the previous loop's failure).
            failure = null;
            failureBlock = int.MaxValue;
            try
            {
                dispatcher.DispatchWorkers(workerBody, Math.Min(ThreadCount, blocks));
            }
            finally
            {
                job = null;
                box.Action = default;
            }

            if (failure is { } error)
            {
                failure = null;
                throw new AggregateException(FailureMessage, error);
            }
        }
    }

    /// <summary>
    /// Makes the reusable job of <typeparamref name="TAction"/> now, so the first parallel
    /// <see cref="For{TAction}"/> with it allocates nothing, and starts the built-in worker threads
    /// (for systems whose first parallel
    /// loop may come long after start-up, inside a frame loop's steady state).
    /// </summary>
    public void Reserve<TAction>() where TAction : struct, IRangeAction
    {
        lock (runGate)
            Job<TAction>();
        if (dispatcher is WorkerThreadDispatcher own && ThreadCount > 1)
            own.StartWorkers();
    }

    private BlockJob<TAction> Job<TAction>() where TAction : struct, IRangeAction
    {
        if (!jobs.TryGetValue(typeof(TAction), out var cached))
        {
            cached = new BlockJob<TAction>();
            jobs.Add(typeof(TAction), cached);
        }

        return (BlockJob<TAction>)cached;
    }

    private static void RunSerially<TAction>(int length, int blockSize, int blocks, in TAction action) where TAction : struct, IRangeAction
    {
        var copy = action;
        try
        {
            for (int b = 0; b < blocks; b++)
            {
                int from = b * blockSize;
                copy.Execute(from, (int)Math.Min((long)from + blockSize, length));
            }
        }
        catch (Exception error)
        {
            // Same exception shape as the parallel path, so callers see no difference between thread counts.
            throw new AggregateException(FailureMessage, error);
        }
    }

    /// <summary>
    /// Runs blocks until none is left. Never throws: a failing block stops the hand-out of
    /// further blocks and is recorded (the lowest failing block wins) for the caller to report,
    /// whichever thread ran it.
    /// </summary>
    private void RunBlocks()
    {
        insideLoop = true;
        int block = -1;
        try
        {
            var current = job!;
            int count = blockCount;
            // Unsigned compare: the counter keeps rising past the end (one step per thread), and
            // must never be read as a small or negative block should it wrap.
            while ((uint)(block = Interlocked.Increment(ref nextBlock)) < (uint)count)
                current.Execute(block);
        }
        catch (Exception error)
        {
            // Stop handing out blocks: every later increment lands past the end.
            Interlocked.Exchange(ref nextBlock, blockCount);
            lock (failureGate)
            {
                if (failure is null || block < failureBlock)
                {
                    failure = error;
                    failureBlock = block;
                }
            }
        }
        finally
        {
            insideLoop = false;
        }
    }

    /// <summary>
    /// Stops the pool (and its built-in threads; a host's dispatcher is left alone). A loop
    /// running on another thread is finished first; loops started afterwards run serially on
    /// their caller.
    /// </summary>
    /// <exception cref="InvalidOperationException">Called from inside one of this pool's loops.</exception>
    public void Dispose()
    {
        if (insideLoop)
            throw new InvalidOperationException("A WorkerPool cannot be disposed from inside one of its loops.");
        // Under the run gate: a helper released for a running loop must still find the
        // dispatcher alive, or it would leave without signalling and the loop's caller would
        // wait forever.
        lock (runGate)
        {
            if (disposed)
                return;
            disposed = true;
            if (ownsDispatcher)
                ((IDisposable)dispatcher).Dispose();
        }
    }

    private interface IBlockJob
    {
        void Execute(int block);
    }

    private sealed class BlockJob<TAction> : IBlockJob where TAction : struct, IRangeAction
    {
        // One instance per action type and pool is enough: a pool runs one loop at a time.
        public TAction Action;
        public int Length;
        public int BlockSize;

        public void Execute(int block)
        {
            int from = block * BlockSize;
            var copy = Action;
            copy.Execute(from, (int)Math.Min((long)from + BlockSize, Length));
        }
    }
}
