using System.Diagnostics;

namespace GrowNet.Ecs.Engine;

public sealed partial class World
{
    /// <summary>Runs one tick: every phase in order, each system in registration order. Refused while a query runs.</summary>
    public void Step()
    {
        // Growth and pruning change tables during the tick, which a running query forbids.
        ThrowIfIterating();
        Scheduler.Run(this);
        Tick++;
    }

    /// <summary>
    /// Runs up to <paramref name="maxTicks"/> ticks, starting each one only while the time spent
    /// in this call is below <paramref name="budget"/> (the first at time zero, so any positive
    /// budget runs at least one tick), and returns how many ran. The tick that crosses the budget
    /// still completes, so the call may overrun it by one tick's duration.
    /// </summary>
    /// <remarks>
    /// This is the step of a fixed-rate frame loop that cannot spiral: the host asks for the
    /// ticks that are due (capped) within the frame time it can spare, and drops what did not
    /// run instead of carrying an ever-growing backlog (see <see cref="FixedTickClock"/>).
    /// Allocates nothing beyond what the ticks themselves do. If a tick throws, the exception
    /// propagates; the ticks before it have run and <see cref="Tick"/> counts them.
    /// </remarks>
    /// <param name="budget">Wall-clock time the ticks may start within; zero runs none.</param>
    /// <param name="maxTicks">The most ticks to run; zero runs none.</param>
    /// <returns>The number of ticks run, 0..<paramref name="maxTicks"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="budget"/> or <paramref name="maxTicks"/> is negative.</exception>
    public int StepWithin(TimeSpan budget, int maxTicks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(budget, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(maxTicks);
        long start = Stopwatch.GetTimestamp();
        int done = 0;
        // The first tick starts at the call's time zero, so a positive budget always makes
        // progress, however long the thread was descheduled before the first clock read.
        while (done < maxTicks && (done == 0 ? budget > TimeSpan.Zero : Stopwatch.GetElapsedTime(start) < budget))
        {
            Step();
            done++;
        }

        return done;
    }

    /// <summary>
    /// Sets how many threads parallel systems may use (1 = serial), on the world's own worker
    /// threads (this also replaces a host dispatcher). Results do not depend on it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> is below 1.</exception>
    public void SetThreadCount(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        if (threads == Parallel.ThreadCount && Parallel.OwnsDispatcher)
            return;
        ReplaceParallel(new WorkerPool(threads));
    }

    /// <summary>
    /// Runs the parallel systems on a host's threads from now on (a game engine's job system,
    /// say). Results are the same bytes as with the built-in threads. The host keeps ownership:
    /// the world never disposes <paramref name="dispatcher"/>, and the host must keep it working
    /// while the world steps. <see cref="SetThreadCount"/> goes back to built-in threads.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="dispatcher"/> is null.</exception>
    /// <exception cref="ArgumentException">The dispatcher reports fewer than one thread.</exception>
    /// <exception cref="InvalidOperationException">Called while a tick runs.</exception>
    public void SetThreadDispatcher(IThreadDispatcher dispatcher)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        ReplaceParallel(new WorkerPool(dispatcher));
    }

    private void ReplaceParallel(WorkerPool replacement)
    {
        if (Scheduler.IsRunning)
        {
            replacement.Dispose();
            throw new InvalidOperationException("The world's threads cannot be changed while a tick runs.");
        }

        Parallel.Dispose();
        Parallel = replacement;
    }
}
