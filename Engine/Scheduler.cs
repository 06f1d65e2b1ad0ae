using System.Diagnostics;

namespace GrowNet.Ecs.Engine;

/// <summary>
/// Runs systems phase by phase in a fixed order: within a phase in registration order, and
/// after each phase the world's command buffer is played back (the phase boundary where
/// structural change happens). Keeps per-system timing counters.
/// </summary>
public sealed class Scheduler
{
    private readonly string[] phaseNames;
    private readonly List<(ISystem System, SystemTiming Timing)>[] phases;
    private readonly List<SystemTiming> timings = new();

    /// <summary>Creates a scheduler with the given ordered phases.</summary>
    public Scheduler(IReadOnlyList<string> phaseNames)
    {
        ArgumentNullException.ThrowIfNull(phaseNames);
        if (phaseNames.Count == 0)
            throw new ArgumentException("A scheduler needs at least one phase.", nameof(phaseNames));
        this.phaseNames = phaseNames.ToArray();
        phases = new List<(ISystem, SystemTiming)>[this.phaseNames.Length];
        for (int i = 0; i < phases.Length; i++)
            phases[i] = new();
    }

    /// <summary>The ordered phase names.</summary>
    public IReadOnlyList<string> PhaseNames => phaseNames;

    /// <summary>Timing counters of every registered system, in tick order.</summary>
    public IReadOnlyList<SystemTiming> Timings => timings;

    /// <summary>Whether a tick is being run.</summary>
    public bool IsRunning { get; private set; }

    /// <summary>Index of the phase being run (−1 outside a tick).</summary>
    public int CurrentPhase { get; private set; } = -1;

    /// <summary>Registers <paramref name="system"/> at the end of phase <paramref name="phase"/>.</summary>
    public void Add(int phase, ISystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        if ((uint)phase >= (uint)phases.Length)
            throw new ArgumentOutOfRangeException(nameof(phase), phase, $"Phases are 0..{phases.Length - 1}.");
        if (IsRunning)
            throw new InvalidOperationException("Systems cannot be registered while a tick runs.");
        var timing = new SystemTiming(system.Name, phase, phaseNames[phase]);
        phases[phase].Add((system, timing));
        RebuildTimings();
    }

    private void RebuildTimings()
    {
        timings.Clear();
        foreach (var list in phases)
            foreach (var entry in list)
                timings.Add(entry.Timing);
    }

    /// <summary>
    /// Registers <paramref name="system"/> right after the first registered system of type
    /// <typeparamref name="TAnchor"/>, in the same phase (for hosts that add a step inside the
    /// fixed tick, such as a distributed run's exchange after the pools' spikes).
    /// </summary>
    /// <exception cref="InvalidOperationException">No <typeparamref name="TAnchor"/> is registered, or a tick runs.</exception>
    public void AddAfter<TAnchor>(ISystem system) where TAnchor : ISystem => Insert<TAnchor>(system, 1);

    /// <summary>
    /// Registers <paramref name="system"/> right before the first registered system of type
    /// <typeparamref name="TAnchor"/>, in the same phase (a distributed run's port exchange before
    /// the network reads its ports).
    /// </summary>
    /// <exception cref="InvalidOperationException">No <typeparamref name="TAnchor"/> is registered, or a tick runs.</exception>
    public void AddBefore<TAnchor>(ISystem system) where TAnchor : ISystem => Insert<TAnchor>(system, 0);

    private void Insert<TAnchor>(ISystem system, int offset) where TAnchor : ISystem
    {
        ArgumentNullException.ThrowIfNull(system);
        if (IsRunning)
            throw new InvalidOperationException("Systems cannot be registered while a tick runs.");
        for (int p = 0; p < phases.Length; p++)
        {
            int at = phases[p].FindIndex(entry => entry.System is TAnchor);
            if (at < 0)
                continue;
            phases[p].Insert(at + offset, (system, new SystemTiming(system.Name, p, phaseNames[p])));
            RebuildTimings();
            return;
        }

        throw new InvalidOperationException($"No system of type {typeof(TAnchor).Name} is registered.");
    }

    /// <summary>Whether a system of type <typeparamref name="T"/> is registered.</summary>
    public bool Contains<T>() where T : ISystem
    {
        foreach (var list in phases)
            foreach (var entry in list)
                if (entry.System is T)
                    return true;
        return false;
    }

    /// <summary>The systems in tick order with their phase.</summary>
    public IEnumerable<(int Phase, ISystem System)> Systems()
    {
        for (int p = 0; p < phases.Length; p++)
            foreach (var entry in phases[p])
                yield return (p, entry.System);
    }

    /// <summary>Runs one tick over <paramref name="world"/>.</summary>
    public void Run(World world)
    {
        if (IsRunning)
            throw new InvalidOperationException("A tick is already running (Step called from inside a system?).");
        IsRunning = true;
        try
        {
            // One timestamp per system: each system's end is the next one's start (a tick of
            // mostly idle systems would otherwise spend a third of its time reading the clock).
            long start = Stopwatch.GetTimestamp();
            for (int p = 0; p < phases.Length; p++)
            {
                CurrentPhase = p;
                var list = phases[p];
                for (int s = 0; s < list.Count; s++)
                {
                    var (system, timing) = list[s];
                    system.Update(world);
                    long end = Stopwatch.GetTimestamp();
                    long elapsed = end - start;
                    start = end;
                    timing.Calls++;
                    timing.TotalTimestampTicks += elapsed;
                    timing.LastTimestampTicks = elapsed;
                }
            }
        }
        finally
        {
            IsRunning = false;
            CurrentPhase = -1;
        }
    }
}
