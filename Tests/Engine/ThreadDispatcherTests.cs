using GrowNet.Ecs.Engine;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Engine;

[TestFixture]
public class ThreadDispatcherTests
{
    /// <summary>Per-index results and one floating-point partial sum per block (order-sensitive).</summary>
    private struct Partials : IRangeAction
    {
        public double[] Results;
        public double[] Sums;
        public int BlockSize;

        public void Execute(int start, int end)
        {
            double sum = 0;
            for (int i = start; i < end; i++)
            {
                Results[i] = Math.Sqrt(i) * 1.000001 + Math.Sin(i);
                sum += Results[i];
            }

            Sums[start / BlockSize] = sum;
        }
    }

    private static (double[] Results, double[] Sums) Run(WorkerPool pool, int length, int blockSize)
    {
        var action = new Partials
        {
            Results = new double[length],
            Sums = new double[(length + blockSize - 1) / blockSize],
            BlockSize = blockSize,
        };
        for (int repeat = 0; repeat < 20; repeat++)
            pool.For(length, blockSize, action);
        return (action.Results, action.Sums);
    }

    [Test]
    public void HostDispatchers_GiveTheSameResults_AsTheBuiltInThreads()
    {
        using var builtIn = new WorkerPool(4);
        var expected = Run(builtIn, 10_000, 97);
        using var threadPoolDispatcher = new ThreadPoolDispatcher(3);

        foreach (IThreadDispatcher dispatcher in new IThreadDispatcher[] { threadPoolDispatcher, new ReverseSerialDispatcher(4) })
        {
            using var pool = new WorkerPool(dispatcher);
            var actual = Run(pool, 10_000, 97);
            Assert.That(actual.Results, Is.EqualTo(expected.Results), dispatcher.GetType().Name);
            Assert.That(actual.Sums, Is.EqualTo(expected.Sums), dispatcher.GetType().Name);
            Assert.That(pool.ThreadCount, Is.EqualTo(dispatcher.ThreadCount));
            Assert.That(pool.OwnsDispatcher, Is.False);
        }
    }

    [Test]
    public void ABlockFailure_OnAHostDispatcher_SurfacesLikeOnTheBuiltInThreads()
    {
        using var dispatcher = new ThreadPoolDispatcher(2);
        using var pool = new WorkerPool(dispatcher);
        var action = new Partials { Results = new double[10], Sums = new double[100], BlockSize = 1 };

        var error = Assert.Throws<AggregateException>(() => pool.For(20, 1, action));

        Assert.That(error!.InnerException, Is.TypeOf<IndexOutOfRangeException>());
        Assert.That(Run(pool, 100, 7).Sums, Has.Length.EqualTo(15));
    }

    [Test]
    public void DisposingThePool_LeavesAHostDispatcherAlone()
    {
        var dispatcher = new CountingDispatcher(2);
        var pool = new WorkerPool(dispatcher);
        Run(pool, 100, 10);
        pool.Dispose();

        Assert.That(dispatcher.Dispatches, Is.EqualTo(20));
        Assert.That(dispatcher.Disposed, Is.False);
    }

    [Test]
    public void World_SetThreadDispatcher_UsesItUntilSetThreadCount()
    {
        var dispatcher = new CountingDispatcher(2);
        using var world = new World(seed: 3);
        world.SetThreadDispatcher(dispatcher);

        Assert.That(world.Parallel.Dispatcher, Is.SameAs(dispatcher));
        Run(world.Parallel, 100, 10);
        Assert.That(dispatcher.Dispatches, Is.EqualTo(20));

        world.SetThreadCount(2);
        Assert.That(world.Parallel.OwnsDispatcher, Is.True);
        Assert.That(world.Parallel.Dispatcher, Is.TypeOf<WorkerThreadDispatcher>());
        Assert.That(dispatcher.Disposed, Is.False);
        Assert.That(() => world.SetThreadDispatcher(null!), Throws.TypeOf<ArgumentNullException>());
        Assert.That(() => world.SetThreadDispatcher(new CountingDispatcher(0)), Throws.TypeOf<ArgumentException>());
    }

    [Test]
    public void BuiltInDispatcher_RunsEveryWorkerIndexOnce()
    {
        using var dispatcher = new WorkerThreadDispatcher(3);
        for (int round = 0; round < 50; round++)
        {
            var seen = new int[3];
            dispatcher.DispatchWorkers(i => Interlocked.Increment(ref seen[i]), 3);
            Assert.That(seen, Is.EqualTo(new[] { 1, 1, 1 }), $"round {round}");
        }
    }

    [Test]
    public void BuiltInDispatcher_RejectsBadCounts_AndReportsHelperFailures()
    {
        using var dispatcher = new WorkerThreadDispatcher(2);

        Assert.That(() => dispatcher.DispatchWorkers(_ => { }, 0), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => dispatcher.DispatchWorkers(_ => { }, 3), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => dispatcher.DispatchWorkers(null!, 1), Throws.TypeOf<ArgumentNullException>());
        var error = Assert.Throws<AggregateException>(() => dispatcher.DispatchWorkers(
            i => { if (i == 1) throw new InvalidOperationException("helper"); }, 2));
        Assert.That(error!.InnerException!.Message, Is.EqualTo("helper"));
        int calls = 0;
        dispatcher.DispatchWorkers(_ => Interlocked.Increment(ref calls), 2);
        Assert.That(calls, Is.EqualTo(2));
    }

    [Test]
    public void BuiltInDispatcher_AfterDispose_RunsSeriallyOnTheCaller()
    {
        var dispatcher = new WorkerThreadDispatcher(2);
        dispatcher.DispatchWorkers(_ => { }, 2);
        dispatcher.Dispose();
        var threads = new int[2];

        dispatcher.DispatchWorkers(i => threads[i] = Environment.CurrentManagedThreadId, 2);

        Assert.That(threads, Is.All.EqualTo(Environment.CurrentManagedThreadId));
    }

    /// <summary>Runs the calls one after another on the caller, last index first.</summary>
    private sealed class ReverseSerialDispatcher(int threads) : IThreadDispatcher
    {
        public int ThreadCount => threads;

        public void DispatchWorkers(Action<int> workerBody, int workerCount)
        {
            for (int i = workerCount - 1; i >= 0; i--)
                workerBody(i);
        }
    }

    private sealed class CountingDispatcher(int threads) : IThreadDispatcher, IDisposable
    {
        public int Dispatches;
        public bool Disposed;

        public int ThreadCount => threads;

        public void DispatchWorkers(Action<int> workerBody, int workerCount)
        {
            Dispatches++;
            for (int i = 0; i < workerCount; i++)
                workerBody(i);
        }

        public void Dispose() => Disposed = true;
    }
}
