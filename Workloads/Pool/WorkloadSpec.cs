namespace GrowNet.Ecs.Workloads.Pool;

/// <summary>
/// Shape, reference figures and measurement lengths of one <see cref="PoolWorkload"/>:
/// ticks run before measuring (<see cref="WarmTicks"/>) and ticks timed per run of the quick
/// mode (<see cref="QuickTicks"/>). Reference: neuropool-rs 0.1, release build, one thread, on a
/// 2-core machine (issue 2 §5).
/// </summary>
public sealed record WorkloadSpec(
    PoolWorkload Workload,
    int Cells,
    double Density,
    bool Compat,
    int ExpectedSynapses,
    double ReferenceQuiescentTicksPerSecond,
    double ReferenceSaturatedTicksPerSecond,
    int WarmTicks,
    int QuickTicks)
{
    /// <summary>The spec of <paramref name="workload"/>.</summary>
    public static WorkloadSpec Of(PoolWorkload workload) => workload switch
    {
        PoolWorkload.Compat4096 => new(workload, 4096, 0.02, true, 524_282, 3250, 1040, 2000, 10_000),
        PoolWorkload.Compat65536 => new(workload, 65536, 0.00015, true, 1_288_686, 874, 203, 2000, 4000),
        // No reference figure; warm-up is shorter because a saturated tick moves tens of millions of events.
        PoolWorkload.Standard65536 => new(workload, 65536, 0.02, false, -1, double.NaN, double.NaN, 200, 400),
        _ => throw new ArgumentOutOfRangeException(nameof(workload), workload, null),
    };

    /// <summary>Reference ticks/s for <paramref name="regime"/> (NaN when there is none).</summary>
    public double ReferenceTicksPerSecond(InputRegime regime) =>
        regime == InputRegime.Quiescent ? ReferenceQuiescentTicksPerSecond : ReferenceSaturatedTicksPerSecond;
}
