using System.Diagnostics;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Samples.FrameLoop;

/// <summary>
/// <c>frame-loop</c>: a host's frame loop around the world. Frames come at 60 per second (the
/// host sleeping as if for vsync); a <see cref="FixedTickClock"/> turns the real time between
/// frames into 60 Hz ticks, at most 4 per frame within ¾ of a frame, so a slow machine drops
/// ticks instead of spiralling. Once a second it prints the ticks, the allocation per frame and
/// every system's mean time over that second.
/// </summary>
/// <remarks>
/// Allocation is measured two ways, after the warm-up: bytes allocated on the frame
/// thread during each frame's work (<see cref="GC.GetAllocatedBytesForCurrentThread"/>), and
/// bytes allocated by the whole process, worker threads included, from the end of one report to
/// the start of the next (<see cref="GC.GetTotalAllocatedBytes(bool)"/>) — the reports
/// themselves format strings and are left out. The warm-up lasts at least a second and until the
/// JIT compiled no method during a whole second (<see cref="System.Runtime.JitInfo.GetCompiledMethodCount"/>):
/// tiered compilation recompiles hot methods on a background thread, later on a loaded machine,
/// and that work is the runtime's, not the frame's.
/// </remarks>
internal sealed class FrameLoopHost
{
    private static readonly TimeSpan TickInterval = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / 60);

    private readonly SampleWorld sample;
    private readonly FixedTickClock clock;
    private readonly long[] lastCalls;
    private readonly long[] lastTotals;
    private long frames;
    private long ticks;
    private long measuredFrames;
    private long frameThreadBytes;
    private long maxFrameThreadBytes;
    private long processBytes;
    private long warmFrom = -1;

    private FrameLoopHost(SampleWorld sample)
    {
        this.sample = sample;
        clock = new FixedTickClock(sample.World, TickInterval, maxTicksPerFrame: 4, frameBudget: TickInterval * 0.75);
        lastCalls = new long[sample.World.Scheduler.Timings.Count];
        lastTotals = new long[lastCalls.Length];
    }

    public static int Run(double seconds, int threads, bool requireZeroAllocation)
    {
        using var sample = new SampleWorld(seed: 42, threads);
        var host = new FrameLoopHost(sample);
        host.Loop(seconds);
        return host.Summarize(requireZeroAllocation);
    }

    private void Loop(double seconds)
    {
        long frequency = Stopwatch.Frequency;
        long framePeriod = frequency / 60;
        long start = Stopwatch.GetTimestamp();
        long end = start + (long)(seconds * frequency);
        long previous = start;
        long nextReport = start + frequency;
        long nextFrame = start;
        bool warm = false;
        long compiledMethods = System.Runtime.JitInfo.GetCompiledMethodCount();
        long processStart = GC.GetTotalAllocatedBytes(precise: true);
        while (true)
        {
            long now = Stopwatch.GetTimestamp();
            if (now >= end)
                break;
            long threadBefore = GC.GetAllocatedBytesForCurrentThread();
            sample.Frame(frames);
            ticks += clock.Advance(Stopwatch.GetElapsedTime(previous, now));
            long frameBytes = GC.GetAllocatedBytesForCurrentThread() - threadBefore;
            previous = now;
            frames++;
            if (warm)
            {
                measuredFrames++;
                frameThreadBytes += frameBytes;
                maxFrameThreadBytes = Math.Max(maxFrameThreadBytes, frameBytes);
            }

            if (now >= nextReport)
            {
                if (warm)
                    processBytes += GC.GetTotalAllocatedBytes(precise: true) - processStart;
                Report((now - start) / frequency);
                long compiledNow = System.Runtime.JitInfo.GetCompiledMethodCount();
                if (!warm && compiledNow == compiledMethods)
                {
                    warm = true;
                    warmFrom = (now - start) / frequency;
                }

                compiledMethods = compiledNow;
                nextReport += frequency;
                processStart = GC.GetTotalAllocatedBytes(precise: true);
            }

            nextFrame += framePeriod;
            WaitUntil(nextFrame);
        }

        if (warm)
            processBytes += GC.GetTotalAllocatedBytes(precise: true) - processStart;
    }

    /// <summary>Sleeps to the next frame, then spins the last millisecond (Sleep's granularity).</summary>
    private static void WaitUntil(long timestamp)
    {
        long oneMillisecond = Stopwatch.Frequency / 1000;
        long now;
        while ((now = Stopwatch.GetTimestamp()) < timestamp)
        {
            if (timestamp - now > 2 * oneMillisecond)
                Thread.Sleep(1);
            else
                Thread.SpinWait(50);
        }
    }

    private void Report(long second)
    {
        double perFrame = measuredFrames == 0 ? 0 : (double)frameThreadBytes / measuredFrames;
        Console.WriteLine($"t={second}s frames {frames} ticks {ticks} (tick {sample.World.Tick}) dropped {clock.DroppedTicks} | "
            + $"allocated per frame: {perFrame:F1} B on the frame thread, {processBytes} B in the process so far");
        var timings = sample.World.Scheduler.Timings;
        for (int i = 0; i < timings.Count; i++)
        {
            var timing = timings[i];
            long calls = timing.Calls - lastCalls[i];
            long total = timing.TotalTimestampTicks - lastTotals[i];
            double mean = calls == 0 ? 0 : Stopwatch.GetElapsedTime(0, total).TotalMicroseconds / calls;
            Console.WriteLine($"  {timing.PhaseName + "/" + timing.Name,-44} {calls,4} calls  mean {mean,9:F1} µs");
            lastCalls[i] = timing.Calls;
            lastTotals[i] = timing.TotalTimestampTicks;
        }
    }

    private int Summarize(bool requireZeroAllocation)
    {
        double perFrame = measuredFrames == 0 ? 0 : (double)frameThreadBytes / measuredFrames;
        double processPerFrame = measuredFrames == 0 ? 0 : (double)processBytes / measuredFrames;
        Console.WriteLine($"done: {frames} frames, {ticks} ticks, {clock.DroppedTicks} dropped; after warm-up (to t={warmFrom}s) {measuredFrames} frames allocated "
            + $"{perFrame:F1} B per frame on the frame thread (max {maxFrameThreadBytes} B) and {processPerFrame:F1} B per frame in the whole process");
        if (!requireZeroAllocation)
            return 0;
        if (measuredFrames == 0)
        {
            Console.Error.WriteLine("No frames ran after the warm-up (the JIT was still compiling at the last report); run longer.");
            return 1;
        }

        if (frameThreadBytes != 0 || processBytes != 0)
        {
            Console.Error.WriteLine("Frames allocated; expected 0 B per frame.");
            return 1;
        }

        return 0;
    }
}
