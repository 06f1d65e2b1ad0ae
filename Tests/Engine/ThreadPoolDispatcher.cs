using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Tests.Engine;

/// <summary>
/// A host-style dispatcher on the .NET thread pool (as a game engine's job system would lend
/// its workers): worker 0 on the caller, the rest queued, joined with a countdown.
/// </summary>
internal sealed class ThreadPoolDispatcher(int threads) : IThreadDispatcher, IDisposable
{
    private readonly CountdownEvent pending = new(0);

    public int ThreadCount => threads;

    public void DispatchWorkers(Action<int> workerBody, int workerCount)
    {
        pending.Reset(workerCount - 1);
        for (int i = 1; i < workerCount; i++)
        {
            int index = i;
            ThreadPool.UnsafeQueueUserWorkItem(_ =>
            {
                try
                {
                    workerBody(index);
                }
                finally
                {
                    pending.Signal();
                }
            }, null);
        }

        workerBody(0);
        pending.Wait();
    }

    public void Dispose() => pending.Dispose();
}
