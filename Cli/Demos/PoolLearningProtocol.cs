using System.Diagnostics;
using GrowNet.Ecs.Systems.Pool;

namespace GrowNet.Ecs.Cli.Demos;

/// <summary>
/// The learning demo's presentation protocol (pool.md, "Learning demo"), told the world tick after
/// every tick: a baseline presentation, <see cref="PoolLearningDemo.EpochCount"/> rewarded epochs
/// and a final presentation of <see cref="PoolLearningDemo.TicksPerPresentation"/> ticks each.
/// After the last tick of a presentation it rewards output activity (epochs only), prunes every
/// tenth epoch and resets membranes and refractory counters for the next one. This is host logic
/// (neuropool's <c>learning_demo</c> is a host program): the pool and its held input are the
/// scenario (<c>scenarios/pool.json</c>), the protocol is what the host does between ticks.
/// </summary>
public sealed class PoolLearningProtocol
{
    /// <summary>Presentations: baseline, the epochs, final.</summary>
    public const int Presentations = PoolLearningDemo.EpochCount + 2;

    /// <summary>World ticks of the whole demo.</summary>
    public const long Ticks = (long)Presentations * PoolLearningDemo.TicksPerPresentation;

    private readonly NeuronPool pool;
    private readonly PoolStats initial;
    private readonly Stopwatch stopwatch;
    private readonly List<LearningDemoEpoch> epochs = new(PoolLearningDemo.EpochCount);
    private readonly List<int> responses = [];
    private (int Output, int Total) baseline, final;
    private int output, total;

    /// <summary>Starts the protocol on <paramref name="pool"/> before its first tick (the first presentation's reset).</summary>
    public PoolLearningProtocol(NeuronPool pool)
    {
        this.pool = pool ?? throw new ArgumentNullException(nameof(pool));
        initial = pool.Stats();
        PoolLearningDemo.ResetForPresentation(pool);
        stopwatch = Stopwatch.StartNew();
    }

    /// <summary>Called after world tick <paramref name="tick"/> (1, 2, …): counts spikes and ends presentations.</summary>
    /// <param name="tick">The world tick just run.</param>
    /// <param name="onEpoch">Told each finished epoch's index (progress).</param>
    public void AfterTick(long tick, Action<int>? onEpoch = null)
    {
        output += pool.CountSpikes(PoolLearningDemo.OutputStart, pool.CellCount);
        total += pool.LastSpikeCount;
        if (tick % PoolLearningDemo.TicksPerPresentation != 0)
            return;
        int presentation = (int)(tick / PoolLearningDemo.TicksPerPresentation) - 1;
        if (presentation == 0)
            baseline = (output, total);
        else if (presentation <= PoolLearningDemo.EpochCount)
            EndEpoch(presentation - 1, onEpoch);
        else
        {
            final = (output, total);
            stopwatch.Stop();
        }

        responses.Add(output);
        (output, total) = (0, 0);
        if (presentation < Presentations - 1)
            PoolLearningDemo.ResetForPresentation(pool);
    }

    /// <summary>The demo's result once all <see cref="Ticks"/> ticks have run.</summary>
    /// <exception cref="InvalidOperationException">The protocol has not seen every presentation.</exception>
    public LearningDemoResult Result()
    {
        if (responses.Count != Presentations)
            throw new InvalidOperationException($"The learning demo has run {responses.Count} of {Presentations} presentations.");
        // The quarter averages cover the baseline and the epochs' responses, not the final presentation.
        return new LearningDemoResult(initial, pool.Stats(), baseline.Output, baseline.Total, epochs, final.Output, final.Total,
            PoolLearningDemo.QuarterAverages(responses[..^1]), stopwatch.Elapsed);
    }

    private void EndEpoch(int epoch, Action<int>? onEpoch)
    {
        var (reinforced, weakened) = output > 0 ? pool.ApplyModulation(135, 30, 100) : (0, 0);
        int pruned = epoch % 10 == 0 ? pool.PruneDead() : 0;
        epochs.Add(new LearningDemoEpoch(output, total, reinforced, weakened, pruned));
        onEpoch?.Invoke(epoch);
    }
}
