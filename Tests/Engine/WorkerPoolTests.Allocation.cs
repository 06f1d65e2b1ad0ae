using GrowNet.Ecs.Engine;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Engine;

// The pool's loops allocate nothing on the caller, the first blocking one included.
public partial class WorkerPoolTests
{
    /// <summary>Slower on every thread but the caller's, so the caller has to block until helpers finish.</summary>
    private struct SlowHelpers : IRangeAction
    {
        public int Caller;

        public void Execute(int start, int end)
        {
            // The caller pauses a little so helpers wake and take blocks, then finishes first.
            Thread.Sleep(Environment.CurrentManagedThreadId == Caller ? 2 : 30);
        }
    }

    [Test]
    public void FirstBlockingLoop_AfterReserve_AllocatesNothingOnTheCaller()
    {
        // A system's first parallel loop can come thousands of ticks after start-up; with the job
        // reserved and the workers started, even a loop whose caller must block allocates nothing.
        using var pool = new WorkerPool(4);
        pool.Reserve<SlowHelpers>();
        var action = new SlowHelpers { Caller = Environment.CurrentManagedThreadId };

        long before = GC.GetAllocatedBytesForCurrentThread();
        pool.For(8, 1, action);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(allocated, Is.Zero);
    }

    [Test]
    public void SteadyStateLoops_AllocateNothingOnTheCaller()
    {
        using var pool = new WorkerPool(4);
        // Warm up the blocking wait too: the wait primitives create their lock objects lazily,
        // the first time the caller actually has to block (a one-time allocation, not per loop).
        for (int i = 0; i < 5; i++)
            pool.For(8, 1, new SlowHelpers { Caller = Environment.CurrentManagedThreadId });
        var action = new SquareRootsAndPartials
        {
            Input = Enumerable.Range(0, 4096).Select(i => (double)i).ToArray(),
            Results = new double[4096],
            Partials = new double[64],
            BlockSize = 64,
        };
        for (int i = 0; i < 200; i++)
            pool.For(4096, 64, action);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 500; i++)
            pool.For(4096, 64, action);

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }
}
