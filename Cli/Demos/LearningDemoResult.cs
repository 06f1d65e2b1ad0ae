using GrowNet.Ecs.Systems.Pool;

namespace GrowNet.Ecs.Cli.Demos;

/// <summary>What the pool learning demo measured (the seed's summary, pool.md "Learning demo").</summary>
public sealed record LearningDemoResult(
    PoolStats Initial,
    PoolStats Final,
    int BaselineOutput,
    int BaselineTotal,
    IReadOnlyList<LearningDemoEpoch> Epochs,
    int FinalOutput,
    int FinalTotal,
    IReadOnlyList<double> QuarterAverages,
    TimeSpan Elapsed)
{
    /// <summary>Synapses before training divided by N².</summary>
    public double InitialDensity => (double)Initial.Synapses / ((double)Initial.Cells * Initial.Cells);

    /// <summary>Fraction of the initial synapses pruned by the end.</summary>
    public double PrunedFraction => Initial.Synapses == 0 ? 0 : 1.0 - (double)Final.Synapses / Initial.Synapses;

    /// <summary>Mean wall time per epoch.</summary>
    public TimeSpan TimePerEpoch => Epochs.Count == 0 ? TimeSpan.Zero : Elapsed / Epochs.Count;

    /// <summary>The seed's summary lines.</summary>
    public IEnumerable<string> SummaryLines()
    {
        yield return $"Pool: {Initial.Cells} neurons, {Initial.Synapses} synapses ({InitialDensity * 100:F0}% density)";
        yield return "Structure:";
        yield return $"  Synapses: {Initial.Synapses} -> {Final.Synapses} ({PrunedFraction * 100:F0}% pruned)";
        yield return $"  Thermal: {Initial.Thermal} -> {Final.Thermal}";
        yield return $"  Mean |w|: {Initial.MeanAbsWeight:F1} -> {Final.MeanAbsWeight:F1}";
        yield return "Activity:";
        yield return $"  Baseline: {BaselineOutput} spikes / {PoolLearningDemo.TicksPerPresentation} ticks ({BaselineTotal} total)";
        yield return $"  Final: {FinalOutput} spikes / {PoolLearningDemo.TicksPerPresentation} ticks ({FinalTotal} total)";
        yield return "  Quarter averages: " + string.Join(" / ", QuarterAverages.Select(q => q.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)));
        yield return $"Performance: {TimePerEpoch.TotalMilliseconds:F2}ms/epoch";
    }
}
