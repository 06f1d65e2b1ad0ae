using GrowNet.Ecs.Engine;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Engine;

[TestFixture]
public partial class WorkerPoolTests
{
    private static readonly int[] ThreadCounts = [1, 2, 4];

    /// <summary>Writes one result per index and one floating-point partial sum per block.</summary>
    private struct SquareRootsAndPartials : IRangeAction
    {
        public double[] Input;
        public double[] Results;
        public double[] Partials;
        public int BlockSize;

        public void Execute(int start, int end)
        {
            double partial = 0;
            for (int i = start; i < end; i++)
            {
                double value = Math.Sqrt(Input[i]) * 1.000001 + Math.Sin(i);
                Results[i] = value;
                partial += value;
            }

            Partials[start / BlockSize] = partial;
        }
    }

    /// <summary>Counts visits per index and records each block's range and thread.</summary>
    private struct Recorder : IRangeAction
    {
        public int[] Visits;
        public int[] BlockStarts;
        public int[] BlockEnds;
        public int[] BlockThreads;
        public int BlockSize;

        public void Execute(int start, int end)
        {
            for (int i = start; i < end; i++)
                Interlocked.Increment(ref Visits[i]);
            int block = start / BlockSize;
            BlockStarts[block] = start;
            BlockEnds[block] = end;
            BlockThreads[block] = Environment.CurrentManagedThreadId;
        }
    }

    /// <summary>Runs an inner loop on the same pool from every outer block.</summary>
    private struct Outer : IRangeAction
    {
        public WorkerPool Pool;
        public int[] Results;
        public int[] InnerThreads;
        public int[] OuterThreads;
        public int InnerLength;

        public void Execute(int start, int end)
        {
            for (int o = start; o < end; o++)
            {
                OuterThreads[o] = Environment.CurrentManagedThreadId;
                Pool.For(InnerLength, 4, new Inner { Results = Results, Threads = InnerThreads, Offset = o * InnerLength });
            }
        }
    }

    private struct Inner : IRangeAction
    {
        public int[] Results;
        public int[] Threads;
        public int Offset;

        public void Execute(int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                Results[Offset + i] = (Offset + i) * 3;
                Threads[Offset + i] = Environment.CurrentManagedThreadId;
            }
        }
    }

    private static (double[] Results, double[] Partials, double Total) RunSquareRoots(int threads, int length, int blockSize)
    {
        var input = Enumerable.Range(0, length).Select(i => i * 0.37 + 1).ToArray();
        int blocks = (length + blockSize - 1) / blockSize;
        var action = new SquareRootsAndPartials
        {
            Input = input,
            Results = new double[length],
            Partials = new double[blocks],
            BlockSize = blockSize,
        };
        using var pool = new WorkerPool(threads);
        for (int repeat = 0; repeat < 3; repeat++)
            pool.For(length, blockSize, action);

        double total = 0;
        foreach (double partial in action.Partials) // combined in block order
            total += partial;
        return (action.Results, action.Partials, total);
    }

    [TestCase(100_000, 1024)]
    [TestCase(100_003, 1000)]
    [TestCase(777, 1)]
    [TestCase(10, 64)]
    public void Results_AreIdentical_OnOneTwoAndFourThreads(int length, int blockSize)
    {
        var serial = RunSquareRoots(1, length, blockSize);

        foreach (int threads in ThreadCounts.Skip(1))
        {
            var parallel = RunSquareRoots(threads, length, blockSize);
            Assert.That(parallel.Results, Is.EqualTo(serial.Results), $"{threads} threads");
            Assert.That(parallel.Partials, Is.EqualTo(serial.Partials), $"{threads} threads");
            Assert.That(BitConverter.DoubleToInt64Bits(parallel.Total), Is.EqualTo(BitConverter.DoubleToInt64Bits(serial.Total)), $"{threads} threads");
        }

        // And the serial run equals a plain loop with the same block arithmetic.
        var expected = new double[length];
        for (int i = 0; i < length; i++)
            expected[i] = Math.Sqrt(i * 0.37 + 1) * 1.000001 + Math.Sin(i);
        Assert.That(serial.Results, Is.EqualTo(expected));
    }

    [TestCase(1, 1000, 7)]
    [TestCase(2, 1000, 7)]
    [TestCase(4, 1000, 7)]
    [TestCase(4, 1024, 256)]
    [TestCase(4, 5, 1)]
    [TestCase(3, 1, 1)]
    public void EveryIndex_IsVisitedOnce_InFixedBlocks(int threads, int length, int blockSize)
    {
        int blocks = (length + blockSize - 1) / blockSize;
        var recorder = new Recorder
        {
            Visits = new int[length],
            BlockStarts = new int[blocks],
            BlockEnds = new int[blocks],
            BlockThreads = new int[blocks],
            BlockSize = blockSize,
        };
        using var pool = new WorkerPool(threads);

        pool.For(length, blockSize, recorder);

        Assert.That(recorder.Visits, Is.All.EqualTo(1));
        Assert.That(recorder.BlockStarts, Is.EqualTo(Enumerable.Range(0, blocks).Select(b => b * blockSize)));
        Assert.That(recorder.BlockEnds, Is.EqualTo(Enumerable.Range(0, blocks).Select(b => Math.Min((b + 1) * blockSize, length))));
    }

    /// <summary>Adds one to every visited index (Interlocked: a double visit must show).</summary>
    private struct Counter : IRangeAction
    {
        public int[] Visits;

        public void Execute(int start, int end)
        {
            for (int i = start; i < end; i++)
                Interlocked.Increment(ref Visits[i]);
        }
    }

    [TestCase(2)]
    [TestCase(4)]
    public void ManyShortLoops_VisitEveryIndexOnce_WhateverHelpersJoin(int threads)
    {
        // Loops far shorter than a helper's wake-up: most close before some helper is scheduled,
        // so the join/close race is taken both ways many times over.
        using var pool = new WorkerPool(threads);
        var counter = new Counter { Visits = new int[64] };
        const int loops = 20000;
        for (int loop = 0; loop < loops; loop++)
            pool.For(counter.Visits.Length, 1 + loop % 8, counter);
        Assert.That(counter.Visits, Is.All.EqualTo(loops));
    }

    [Test]
    public void OneThreadOrOneBlock_RunsOnTheCallingThread()
    {
        int caller = Environment.CurrentManagedThreadId;
        using var single = new WorkerPool(1);
        using var quad = new WorkerPool(4);
        var many = new Recorder { Visits = new int[100], BlockStarts = new int[10], BlockEnds = new int[10], BlockThreads = new int[10], BlockSize = 10 };
        var one = new Recorder { Visits = new int[100], BlockStarts = new int[1], BlockEnds = new int[1], BlockThreads = new int[1], BlockSize = 1000 };

        single.For(100, 10, many);
        quad.For(100, 1000, one);

        Assert.That(many.BlockThreads, Is.All.EqualTo(caller));
        Assert.That(one.BlockThreads, Is.All.EqualTo(caller));
        Assert.That(one.Visits, Is.All.EqualTo(1));
    }

    [Test]
    public void ZeroLength_RunsNothing()
    {
        var recorder = new Recorder { Visits = [], BlockStarts = [], BlockEnds = [], BlockThreads = [], BlockSize = 8 };
        foreach (int threads in ThreadCounts)
        {
            using var pool = new WorkerPool(threads);
            Assert.That(() => pool.For(0, 8, recorder), Throws.Nothing);
            Assert.That(() => pool.For(0, 1, recorder), Throws.Nothing);
        }
    }

    [Test]
    public void BadArguments_AreRejected()
    {
        using var pool = new WorkerPool(2);
        var recorder = new Recorder { Visits = new int[4], BlockStarts = new int[4], BlockEnds = new int[4], BlockThreads = new int[4], BlockSize = 1 };

        Assert.That(() => pool.For(-1, 1, recorder), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => pool.For(4, 0, recorder), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => pool.For(4, -5, recorder), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(recorder.Visits, Is.All.Zero);
        Assert.That(() => new WorkerPool(0), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(new WorkerPool(3).ThreadCount, Is.EqualTo(3));
    }

    [Test]
    public void NestedFor_RunsSeriallyWithoutDeadlock()
    {
        const int outerLength = 16, innerLength = 50;
        using var pool = new WorkerPool(4);
        var outer = new Outer
        {
            Pool = pool,
            Results = new int[outerLength * innerLength],
            InnerThreads = new int[outerLength * innerLength],
            OuterThreads = new int[outerLength],
            InnerLength = innerLength,
        };

        var run = Task.Run(() => pool.For(outerLength, 1, outer));

        Assert.That(run.Wait(TimeSpan.FromMinutes(1)), Is.True, "nested loop deadlocked");
        Assert.That(outer.Results, Is.EqualTo(Enumerable.Range(0, outerLength * innerLength).Select(i => i * 3)));
        for (int o = 0; o < outerLength; o++)
        {
            var innerThreads = outer.InnerThreads.AsSpan(o * innerLength, innerLength).ToArray();
            Assert.That(innerThreads, Is.All.EqualTo(outer.OuterThreads[o]), $"outer block {o} ran its inner loop on one thread");
        }
    }

    [Test]
    public void ConcurrentCallers_AreSerialisedSafely()
    {
        using var pool = new WorkerPool(4);
        var recorders = Enumerable.Range(0, 4).Select(_ => new Recorder
        {
            Visits = new int[4096], BlockStarts = new int[64], BlockEnds = new int[64], BlockThreads = new int[64], BlockSize = 64,
        }).ToArray();

        var tasks = recorders.Select(r => Task.Run(() =>
        {
            for (int i = 0; i < 20; i++)
                pool.For(4096, 64, r);
        })).ToArray();

        Assert.That(Task.WaitAll(tasks, TimeSpan.FromMinutes(1)), Is.True);
        foreach (var recorder in recorders)
            Assert.That(recorder.Visits, Is.All.EqualTo(20));
    }

    [Test]
    public void AfterDispose_LoopsRunSeriallyOnTheCaller()
    {
        var pool = new WorkerPool(4);
        var warm = new Recorder { Visits = new int[64], BlockStarts = new int[16], BlockEnds = new int[16], BlockThreads = new int[16], BlockSize = 4 };
        pool.For(64, 4, warm);
        pool.Dispose();
        pool.Dispose();

        var after = new Recorder { Visits = new int[64], BlockStarts = new int[16], BlockEnds = new int[16], BlockThreads = new int[16], BlockSize = 4 };
        pool.For(64, 4, after);

        Assert.That(after.Visits, Is.All.EqualTo(1));
        Assert.That(after.BlockThreads, Is.All.EqualTo(Environment.CurrentManagedThreadId));
    }

    [Test]
    public void Dispose_WhileAnotherThreadRunsLoops_LetsEveryLoopFinish()
    {
        for (int round = 0; round < 50; round++)
        {
            var pool = new WorkerPool(4);
            var recorder = new Recorder { Visits = new int[256], BlockStarts = new int[64], BlockEnds = new int[64], BlockThreads = new int[64], BlockSize = 4 };
            int loops = 0;
            var runner = new Thread(() =>
            {
                for (int i = 0; i < 200; i++)
                {
                    pool.For(256, 4, recorder);
                    Interlocked.Increment(ref loops);
                }
            }) { IsBackground = true };
            runner.Start();
            while (Volatile.Read(ref loops) < round % 5)
                Thread.Yield();
            pool.Dispose();

            Assert.That(runner.Join(TimeSpan.FromSeconds(30)), Is.True, $"a loop hung after Dispose (round {round})");
            Assert.That(recorder.Visits, Is.All.EqualTo(200), "every loop ran every block once, before or after Dispose");
        }
    }

    [Test]
    public void Dispose_FromInsideALoop_Throws_AndThePoolKeepsWorking()
    {
        var pool = new WorkerPool(2);
        var disposer = new Disposer { Pool = pool, Errors = new int[1] };
        Assert.That(() => pool.For(64, 4, disposer), Throws.Nothing);
        Assert.That(disposer.Errors[0], Is.EqualTo(16), "every block's Dispose call was refused");
        var recorder = new Recorder { Visits = new int[64], BlockStarts = new int[16], BlockEnds = new int[16], BlockThreads = new int[16], BlockSize = 4 };
        pool.For(64, 4, recorder);
        Assert.That(recorder.Visits, Is.All.EqualTo(1));
        pool.Dispose();
    }

    private struct Disposer : IRangeAction
    {
        public WorkerPool Pool;
        public int[] Errors;

        public void Execute(int start, int end)
        {
            try
            {
                Pool.Dispose();
            }
            catch (InvalidOperationException)
            {
                Interlocked.Increment(ref Errors[0]);
            }
        }
    }
}
