namespace GrowNet.Ecs.Engine;

/// <summary>
/// The built-in <see cref="IThreadDispatcher"/>: a fixed set of background threads, created on
/// the first dispatch that needs them and parked on a semaphore between dispatches, so a
/// dispatch allocates nothing. Worker 0 runs on the caller. One dispatch runs at a time;
/// concurrent callers wait their turn.
/// </summary>
public sealed class WorkerThreadDispatcher : IThreadDispatcher, IDisposable
{
    private readonly object dispatchGate = new();
    private readonly SemaphoreSlim start = new(0);
    // Helpers still running; the last one releases `finished`. (A CountdownEvent would allocate
    // its lock the first time the caller has to block on it, inside some tick long after start.)
    private readonly SemaphoreSlim finished = new(0);
    private int running;
    private Thread[]? workers;
    private Action<int>? body;
    private int nextWorker;
    private Exception? helperFailure;
    private bool disposed;

    /// <summary>Creates a dispatcher of <paramref name="threadCount"/> threads, the caller's included.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threadCount"/> is below 1.</exception>
    public WorkerThreadDispatcher(int threadCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threadCount, 1);
        ThreadCount = threadCount;
    }

    /// <inheritdoc />
    public int ThreadCount { get; }

    /// <inheritdoc />
    /// <remarks>
    /// After <see cref="Dispose"/> the calls run one after another on the caller. A call that
    /// throws on a helper thread is rethrown on the caller (inside an
    /// <see cref="AggregateException"/>) once every call has returned.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workerCount"/> is outside 1..<see cref="ThreadCount"/>.</exception>
    public void DispatchWorkers(Action<int> workerBody, int workerCount)
    {
        ArgumentNullException.ThrowIfNull(workerBody);
        ArgumentOutOfRangeException.ThrowIfLessThan(workerCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(workerCount, ThreadCount);
        if (workerCount == 1)
        {
            workerBody(0);
            return;
        }

        lock (dispatchGate)
        {
            if (disposed)
            {
                for (int worker = 0; worker < workerCount; worker++)
                    workerBody(worker);
                return;
            }

            EnsureWorkers();
            body = workerBody;
            nextWorker = 0;
            helperFailure = null;
            running = workerCount - 1;
            start.Release(workerCount - 1);
            try
            {
                workerBody(0);
            }
            finally
            {
                // Even when worker 0 threw, the helpers still hold the body: wait for them.
                finished.Wait();
                body = null;
            }

            if (helperFailure is { } failure)
            {
                helperFailure = null;
                throw new AggregateException("A worker of the dispatcher failed.", failure);
            }
        }
    }

    /// <summary>Starts the worker threads now instead of at the first dispatch (which then allocates nothing).</summary>
    public void StartWorkers()
    {
        lock (dispatchGate)
        {
            if (!disposed)
                EnsureWorkers();
        }
    }

    private void EnsureWorkers()
    {
        if (workers != null)
            return;
        workers = new Thread[ThreadCount - 1];
        for (int i = 0; i < workers.Length; i++)
        {
            workers[i] = new Thread(WorkerLoop) { IsBackground = true, Name = $"GrowNet worker {i + 1}" };
            workers[i].Start();
        }
    }

    private void WorkerLoop()
    {
        while (true)
        {
            start.Wait();
            if (disposed)
                return;
            try
            {
                body!(Interlocked.Increment(ref nextWorker));
            }
            catch (Exception error)
            {
                Interlocked.CompareExchange(ref helperFailure, error, null);
            }
            finally
            {
                if (Interlocked.Decrement(ref running) == 0)
                    finished.Release();
            }
        }
    }

    /// <summary>
    /// Stops the threads. A dispatch running on another thread is finished first (its helpers
    /// must still find the dispatcher alive); later dispatches run serially on their caller.
    /// </summary>
    public void Dispose()
    {
        lock (dispatchGate)
        {
            if (disposed)
                return;
            disposed = true;
            if (workers != null)
                start.Release(workers.Length);
        }
    }
}
