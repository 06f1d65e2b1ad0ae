namespace GrowNet.Ecs.Engine;

/// <summary>
/// Lends a world the threads its parallel loops run on, in the spirit of BepuPhysics'
/// <c>IThreadDispatcher</c>: a host with its own job system or worker threads implements it
/// and passes it to <see cref="World.SetThreadDispatcher"/>; otherwise the world uses its
/// built-in <see cref="WorkerThreadDispatcher"/>.
/// </summary>
/// <remarks>
/// Results never depend on the dispatcher: <see cref="WorkerPool"/> cuts every loop into
/// blocks fixed by the caller, and the worker bodies only take blocks from a shared counter.
/// A dispatcher may even run the bodies one after another on the calling thread; it is then
/// merely serial. The bodies the pool dispatches never throw and never wait for each other.
/// </remarks>
public interface IThreadDispatcher
{
    /// <summary>Threads one dispatch may use, the calling thread included (at least 1).</summary>
    int ThreadCount { get; }

    /// <summary>
    /// Calls <paramref name="workerBody"/> once with each worker index in
    /// [0, <paramref name="workerCount"/>), concurrently as far as the dispatcher can, and returns
    /// when every call has returned. The calling thread should run one of the calls itself.
    /// </summary>
    /// <param name="workerBody">The body to run; it receives its worker index.</param>
    /// <param name="workerCount">How many calls to make, 1 to <see cref="ThreadCount"/>.</param>
    void DispatchWorkers(Action<int> workerBody, int workerCount);
}
