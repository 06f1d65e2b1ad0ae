namespace GrowNet.Ecs.Engine;

/// <summary>
/// The accumulator of a fixed-rate frame loop (e.g. 60 ticks per second) that cannot spiral:
/// each frame adds the real time that passed, runs the ticks that are due through
/// <see cref="World.StepWithin"/> (at most <see cref="MaxTicksPerFrame"/>, within a time
/// budget), and drops the backlog it could not run instead of carrying it into the next frame.
/// </summary>
/// <remarks>
/// Without the cap a machine that is too slow for the tick rate falls further behind every
/// frame (each frame owes more ticks, which make the frame longer). Here at most one tick
/// interval of unrun time is carried over; the rest is counted in <see cref="DroppedTicks"/>,
/// so the simulation runs slower than real time but the frame rate holds. Allocates nothing.
/// </remarks>
public sealed class FixedTickClock
{
    private readonly World world;
    private TimeSpan accumulated;

    /// <summary>Creates the clock of <paramref name="world"/>.</summary>
    /// <param name="world">The world to step.</param>
    /// <param name="tickInterval">Simulated time per tick (1/60 s for 60 Hz); positive.</param>
    /// <param name="maxTicksPerFrame">The most ticks one frame may run to catch up; at least 1.</param>
    /// <param name="frameBudget">Wall-clock time a frame may start ticks within; positive.</param>
    /// <exception cref="ArgumentNullException"><paramref name="world"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An interval, budget or cap is out of range.</exception>
    public FixedTickClock(World world, TimeSpan tickInterval, int maxTicksPerFrame, TimeSpan frameBudget)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(tickInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTicksPerFrame, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(frameBudget, TimeSpan.Zero);
        this.world = world;
        TickInterval = tickInterval;
        MaxTicksPerFrame = maxTicksPerFrame;
        FrameBudget = frameBudget;
    }

    /// <summary>Simulated time per tick.</summary>
    public TimeSpan TickInterval { get; }

    /// <summary>The most ticks one frame runs.</summary>
    public int MaxTicksPerFrame { get; }

    /// <summary>Wall-clock time a frame may start ticks within.</summary>
    public TimeSpan FrameBudget { get; }

    /// <summary>Time owed but not yet ticked, always below one <see cref="TickInterval"/> after a frame.</summary>
    public TimeSpan Accumulated => accumulated;

    /// <summary>Ticks that fell due but were dropped because a frame hit its cap or budget.</summary>
    public long DroppedTicks { get; private set; }

    /// <summary>How far the owed time is into the next tick, 0..1 (for drawing between ticks).</summary>
    public double Alpha => accumulated / TickInterval;

    /// <summary>
    /// Adds <paramref name="elapsed"/> of real time and runs the ticks that are due; returns how
    /// many ran.
    /// </summary>
    /// <param name="elapsed">Real time since the previous frame; not negative.</param>
    /// <returns>Ticks run this frame, 0..<see cref="MaxTicksPerFrame"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="elapsed"/> is negative.</exception>
    public int Advance(TimeSpan elapsed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(elapsed, TimeSpan.Zero);
        accumulated += elapsed;
        long due = accumulated.Ticks / TickInterval.Ticks;
        int wanted = (int)Math.Min(due, MaxTicksPerFrame);
        int done = world.StepWithin(FrameBudget, wanted);
        accumulated -= TickInterval * done;
        if (accumulated >= TickInterval)
        {
            // Behind: keep the fraction of the next tick, drop the whole ticks owed.
            long owed = accumulated.Ticks / TickInterval.Ticks;
            DroppedTicks += owed;
            accumulated -= TickInterval * owed;
        }

        return done;
    }
}
