using GrowNet.Ecs.Engine;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Engine;

// Failing blocks: how exceptions surface, which one is reported, and that the pool keeps working.
public partial class WorkerPoolTests
{
    /// <summary>Throws in the blocks listed, and flags any range outside [0, Length).</summary>
    private struct Thrower : IRangeAction
    {
        public int Length;
        public int BlockSize;
        public bool[] FailingBlocks;
        public int[] BadRanges;
        public int SlowBlock;

        public void Execute(int start, int end)
        {
            if (start < 0 || end > Length || start >= end || start % BlockSize != 0)
            {
                Interlocked.Increment(ref BadRanges[0]);
                throw new IndexOutOfRangeException($"bogus block [{start}, {end})");
            }

            Thread.SpinWait(50);
            if (start / BlockSize == SlowBlock)
                Thread.Sleep(5);
            if (FailingBlocks[start / BlockSize])
                throw new InvalidOperationException($"block {start / BlockSize} failed");
        }
    }

    [Test]
    public void ExceptionInABlock_SurfacesAsAggregateException_OnEveryThreadCount()
    {
        const int length = 64, blockSize = 4;
        foreach (int threads in ThreadCounts)
        {
            using var pool = new WorkerPool(threads);
            for (int failing = 0; failing < length / blockSize; failing += 5)
            {
                var fails = new bool[length / blockSize];
                fails[failing] = true;
                var thrower = new Thrower { Length = length, BlockSize = blockSize, FailingBlocks = fails, BadRanges = new int[1], SlowBlock = -1 };

                var error = Capture.Exception(() => pool.For(length, blockSize, thrower));

                Assert.That(error, Is.TypeOf<AggregateException>(), $"{threads} threads, block {failing}");
                var inner = ((AggregateException)error!).InnerExceptions;
                Assert.That(inner, Has.Count.EqualTo(1));
                Assert.That(inner[0], Is.TypeOf<InvalidOperationException>());
                Assert.That(inner[0].Message, Is.EqualTo($"block {failing} failed"));
                Assert.That(thrower.BadRanges[0], Is.Zero);
            }
        }
    }

    [Test]
    public void SeveralFailingBlocks_ReportTheLowest_LikeASerialRun()
    {
        // Block 3 is slow, so on several threads block 10 usually fails first; block 3 was
        // handed out before it and still finishes, and its failure is the one reported.
        foreach (int threads in ThreadCounts)
        {
            using var pool = new WorkerPool(threads);
            var fails = new bool[16];
            fails[3] = fails[10] = fails[11] = true;
            var thrower = new Thrower { Length = 16, BlockSize = 1, FailingBlocks = fails, BadRanges = new int[1], SlowBlock = 3 };

            for (int repeat = 0; repeat < 20; repeat++)
            {
                var error = Capture.Exception(() => pool.For(16, 1, thrower));
                Assert.That(error, Is.TypeOf<AggregateException>());
                Assert.That(error!.InnerException!.Message, Is.EqualTo("block 3 failed"), $"{threads} threads");
            }
        }
    }

    [Test]
    public void RepeatedFailures_AreNeverLost_AndNoBogusBlocksRun()
    {
        // Every block throws, on several threads at once, many times in a row: each call must
        // report a failure, and no thread may be handed a block outside the range.
        const int length = 256, blockSize = 1;
        foreach (int threads in new[] { 8, 4, 2 })
        {
            using var pool = new WorkerPool(threads);
            var thrower = new Thrower
            {
                Length = length,
                BlockSize = blockSize,
                FailingBlocks = Enumerable.Repeat(true, length).ToArray(),
                BadRanges = new int[1],
                SlowBlock = -1,
            };

            int threw = 0, aggregated = 0;
            for (int repeat = 0; repeat < 300; repeat++)
            {
                var error = Capture.Exception(() => pool.For(length, blockSize, thrower));
                threw += error is null ? 0 : 1;
                aggregated += error is AggregateException { InnerException: InvalidOperationException } ? 1 : 0;
            }

            Assert.That(thrower.BadRanges[0], Is.Zero, $"{threads} threads: blocks outside the range were run");
            Assert.That(threw, Is.EqualTo(300), $"{threads} threads: failures were lost");
            Assert.That(aggregated, Is.EqualTo(300), $"{threads} threads: failures were not wrapped");
        }
    }

    [Test]
    public void Pool_KeepsWorking_AfterAFailure()
    {
        using var pool = new WorkerPool(4);
        var fails = new bool[32];
        fails[3] = true;
        var thrower = new Thrower { Length = 128, BlockSize = 4, FailingBlocks = fails, BadRanges = new int[1], SlowBlock = -1 };
        Assert.That(() => pool.For(128, 4, thrower), Throws.TypeOf<AggregateException>());

        var recorder = new Recorder { Visits = new int[128], BlockStarts = new int[32], BlockEnds = new int[32], BlockThreads = new int[32], BlockSize = 4 };
        pool.For(128, 4, recorder);

        Assert.That(recorder.Visits, Is.All.EqualTo(1));
        Assert.That(() => pool.For(128, 4, thrower), Throws.TypeOf<AggregateException>());
        var second = new Recorder { Visits = new int[128], BlockStarts = new int[32], BlockEnds = new int[32], BlockThreads = new int[32], BlockSize = 4 };
        pool.For(128, 4, second);
        Assert.That(second.Visits, Is.All.EqualTo(1));
    }
}
