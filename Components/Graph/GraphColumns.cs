using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Components.Graph;

/// <summary>
/// Column keys of a graph block's population tables (graph.md, "Data"), by stable name. Row i of
/// the node table is node i. The ring table holds node i's ring at rows <c>i·H .. i·H + H − 1</c>.
/// The tap table holds node i's taps at rows <c>TapStart[i] .. TapStart[i] + TapCount[i]</c> in
/// ascending (source, lag) order; a predictor's region has room for MaxInDegree taps. The candidate
/// table holds predictor g's shortlist at rows <c>(g − PredictorStart) · ShortlistSize + n</c>,
/// its SNR windows at <c>candidate · SnrWindows + w</c> of the window table. Row c of the channel
/// table is channel c. The Δ-log keeps its entries in a ring table and each node's last
/// DeltaHorizon + 1 states at rows <c>i · (DeltaHorizon + 1) + (tick mod (DeltaHorizon + 1))</c>.
/// </summary>
public static class GraphColumns
{
    /// <summary>Node kind (<see cref="GraphNodeKind"/>).</summary>
    public static readonly ColumnKey<byte> Kind = ColumnRegistry.Register<byte>("graph.node.kind");
    /// <summary>Ring slot holding lag(0).</summary>
    public static readonly ColumnKey<int> Head = ColumnRegistry.Register<int>("graph.node.head");
    /// <summary>Bias (Hidden and Predictor nodes).</summary>
    public static readonly ColumnKey<float> Bias = ColumnRegistry.Register<float>("graph.node.bias");
    /// <summary>Update frequency f.</summary>
    public static readonly ColumnKey<float> Frequency = ColumnRegistry.Register<float>("graph.node.updateFrequency");
    /// <summary>Hierarchy level.</summary>
    public static readonly ColumnKey<int> Level = ColumnRegistry.Register<int>("graph.node.level");
    /// <summary>Channel of an Input or Predictor node, else −1.</summary>
    public static readonly ColumnKey<int> Channel = ColumnRegistry.Register<int>("graph.node.channel");
    /// <summary>Mixing weight of a predictor in its group's prediction.</summary>
    public static readonly ColumnKey<float> Alpha = ColumnRegistry.Register<float>("graph.node.alpha");
    /// <summary>First child of a Summary node, else −1.</summary>
    public static readonly ColumnKey<int> ChildA = ColumnRegistry.Register<int>("graph.node.childA");
    /// <summary>Second child of a Summary node, else −1.</summary>
    public static readonly ColumnKey<int> ChildB = ColumnRegistry.Register<int>("graph.node.childB");
    /// <summary>First tap row of the node.</summary>
    public static readonly ColumnKey<int> TapStart = ColumnRegistry.Register<int>("graph.node.tapStart");
    /// <summary>Taps in the node's row.</summary>
    public static readonly ColumnKey<int> TapCount = ColumnRegistry.Register<int>("graph.node.tapCount");
    /// <summary>Tap rows reserved for the node (its count for Hidden nodes, MaxInDegree for predictors).</summary>
    public static readonly ColumnKey<int> TapCapacity = ColumnRegistry.Register<int>("graph.node.tapCapacity");
    /// <summary>The value computed by the last gather (step 1).</summary>
    public static readonly ColumnKey<float> Next = ColumnRegistry.Register<float>("graph.node.next");
    /// <summary>1 when the node updated on the last tick (the update gate of step 1).</summary>
    public static readonly ColumnKey<byte> Updates = ColumnRegistry.Register<byte>("graph.node.updates");
    /// <summary>1 for a frozen predictor.</summary>
    public static readonly ColumnKey<byte> Frozen = ColumnRegistry.Register<byte>("graph.node.frozen");
    /// <summary>1 for a predictor a commit found at MaxInDegree (within one structural step only).</summary>
    public static readonly ColumnKey<byte> Blocked = ColumnRegistry.Register<byte>("graph.node.blocked");
    /// <summary>The next predictor of the same channel (ascending), −1 at the end of the group.</summary>
    public static readonly ColumnKey<int> GroupNext = ColumnRegistry.Register<int>("graph.node.groupNext");
    /// <summary>The block tick at which the node was created (0 at construction).</summary>
    public static readonly ColumnKey<long> CreatedTick = ColumnRegistry.Register<long>("graph.node.createdTick");

    /// <summary>A ring slot's value.</summary>
    public static readonly ColumnKey<float> Ring = ColumnRegistry.Register<float>("graph.ring.value");

    /// <summary>Tap source node.</summary>
    public static readonly ColumnKey<int> TapSource = ColumnRegistry.Register<int>("graph.tap.source");
    /// <summary>Tap lag k in 0..H − 1.</summary>
    public static readonly ColumnKey<byte> TapLag = ColumnRegistry.Register<byte>("graph.tap.lag");
    /// <summary>Tap weight.</summary>
    public static readonly ColumnKey<float> TapWeight = ColumnRegistry.Register<float>("graph.tap.weight");
    /// <summary>The value v the tap read in the last gather (predictor taps).</summary>
    public static readonly ColumnKey<float> TapValue = ColumnRegistry.Register<float>("graph.tap.value");
    /// <summary>Σ v² over this cycle's reads, double (predictor taps; the displacement score's rms v).</summary>
    public static readonly ColumnKey<double> TapSumSquares = ColumnRegistry.Register<double>("graph.tap.sumSquares");

    /// <summary>Staged input u_c, held until restaged.</summary>
    public static readonly ColumnKey<float> ChannelInput = ColumnRegistry.Register<float>("graph.channel.input");
    /// <summary>Prediction ŷ_c of the last tick.</summary>
    public static readonly ColumnKey<float> Prediction = ColumnRegistry.Register<float>("graph.channel.prediction");
    /// <summary>Error e_c = u_c − ŷ_c of the last tick.</summary>
    public static readonly ColumnKey<float> Error = ColumnRegistry.Register<float>("graph.channel.error");
    /// <summary>First predictor of the channel's group.</summary>
    public static readonly ColumnKey<int> FirstPredictor = ColumnRegistry.Register<int>("graph.channel.firstPredictor");
    /// <summary>Last predictor of the channel's group.</summary>
    public static readonly ColumnKey<int> LastPredictor = ColumnRegistry.Register<int>("graph.channel.lastPredictor");
    /// <summary>Predictors in the channel's group.</summary>
    public static readonly ColumnKey<int> PredictorCount = ColumnRegistry.Register<int>("graph.channel.predictorCount");
    /// <summary>P_c of the last tick.</summary>
    public static readonly ColumnKey<float> Norm = ColumnRegistry.Register<float>("graph.channel.norm");
    /// <summary>μ of the last tick.</summary>
    public static readonly ColumnKey<float> Step = ColumnRegistry.Register<float>("graph.channel.step");
    /// <summary>Σ e² over the running cycle (double).</summary>
    public static readonly ColumnKey<double> SumSquaredError = ColumnRegistry.Register<double>("graph.channel.sumSquaredError");
    /// <summary>Σ u over the running cycle (double).</summary>
    public static readonly ColumnKey<double> SumInput = ColumnRegistry.Register<double>("graph.channel.sumInput");
    /// <summary>Σ u² over the running cycle (double).</summary>
    public static readonly ColumnKey<double> SumInputSquares = ColumnRegistry.Register<double>("graph.channel.sumInputSquares");
    /// <summary>Sbase: Σ e² over the running cycle's last quarter (double).</summary>
    public static readonly ColumnKey<double> Baseline = ColumnRegistry.Register<double>("graph.channel.baseline");
    /// <summary>Mean e² over the last completed cycle.</summary>
    public static readonly ColumnKey<double> CycleMse = ColumnRegistry.Register<double>("graph.channel.cycleMse");
    /// <summary>sqrt(mean e²) / std u over the last completed cycle (0 when u was constant).</summary>
    public static readonly ColumnKey<double> CycleNrmse = ColumnRegistry.Register<double>("graph.channel.cycleNrmse");

    /// <summary>Candidate source node.</summary>
    public static readonly ColumnKey<int> CandidateSource = ColumnRegistry.Register<int>("graph.candidate.source");
    /// <summary>Candidate lag.</summary>
    public static readonly ColumnKey<byte> CandidateLag = ColumnRegistry.Register<byte>("graph.candidate.lag");
    /// <summary>Candidate state (<see cref="GraphCandidateState"/>).</summary>
    public static readonly ColumnKey<byte> CandidateState = ColumnRegistry.Register<byte>("graph.candidate.state");
    /// <summary>Shadow weight δ of a Warm candidate.</summary>
    public static readonly ColumnKey<float> Shadow = ColumnRegistry.Register<float>("graph.candidate.shadow");
    /// <summary>S_R: Σ e'² over the cycle's last quarter (double).</summary>
    public static readonly ColumnKey<double> ShadowSquaredError = ColumnRegistry.Register<double>("graph.candidate.shadowSquaredError");
    /// <summary>SNR found at mid-cycle (diagnostic).</summary>
    public static readonly ColumnKey<double> Snr = ColumnRegistry.Register<double>("graph.candidate.snr");
    /// <summary>Σ of the prospective gradient over one SNR window (double).</summary>
    public static readonly ColumnKey<double> WindowGradient = ColumnRegistry.Register<double>("graph.window.gradient");

    /// <summary>Δ-log entry: the tick.</summary>
    public static readonly ColumnKey<long> DeltaTick = ColumnRegistry.Register<long>("graph.delta.tick");
    /// <summary>Δ-log entry: the node.</summary>
    public static readonly ColumnKey<int> DeltaNode = ColumnRegistry.Register<int>("graph.delta.node");
    /// <summary>Δ-log entry: Δ = next − lag(0).</summary>
    public static readonly ColumnKey<float> DeltaValue = ColumnRegistry.Register<float>("graph.delta.value");
    /// <summary>Δ-log state ring: a node's state after a tick.</summary>
    public static readonly ColumnKey<float> DeltaState = ColumnRegistry.Register<float>("graph.delta.state");

    /// <summary>Structural event: a <see cref="GraphEventKind"/>.</summary>
    public static readonly ColumnKey<byte> EventKind = ColumnRegistry.Register<byte>("graph.event.kind");
    /// <summary>Structural event: the predictor.</summary>
    public static readonly ColumnKey<int> EventNode = ColumnRegistry.Register<int>("graph.event.node");
    /// <summary>Structural event: the tap's source (the clone, for a split).</summary>
    public static readonly ColumnKey<int> EventSource = ColumnRegistry.Register<int>("graph.event.source");
    /// <summary>Structural event: the tap's lag.</summary>
    public static readonly ColumnKey<byte> EventLag = ColumnRegistry.Register<byte>("graph.event.lag");
    /// <summary>Structural event: the weight involved.</summary>
    public static readonly ColumnKey<float> EventWeight = ColumnRegistry.Register<float>("graph.event.weight");
    /// <summary>Structural event: the gain or score involved (double).</summary>
    public static readonly ColumnKey<double> EventValue = ColumnRegistry.Register<double>("graph.event.value");

    /// <summary>Node table columns.</summary>
    public static ComponentSet NodeSet => ComponentSet.Of(Kind, Head, Bias, Frequency, Level, Channel, Alpha, ChildA, ChildB,
        TapStart, TapCount, TapCapacity, Next, Updates, Frozen, Blocked, GroupNext, CreatedTick);

    /// <summary>Ring table columns.</summary>
    public static ComponentSet RingSet => ComponentSet.Of(Ring);

    /// <summary>Tap table columns.</summary>
    public static ComponentSet TapSet => ComponentSet.Of(TapSource, TapLag, TapWeight, TapValue, TapSumSquares);

    /// <summary>Channel table columns.</summary>
    public static ComponentSet ChannelSet => ComponentSet.Of(ChannelInput, Prediction, Error, FirstPredictor, LastPredictor, PredictorCount, Norm, Step,
        SumSquaredError, SumInput, SumInputSquares, Baseline, CycleMse, CycleNrmse);

    /// <summary>Candidate table columns.</summary>
    public static ComponentSet CandidateSet => ComponentSet.Of(CandidateSource, CandidateLag, CandidateState, Shadow, ShadowSquaredError, Snr);

    /// <summary>SNR window table columns.</summary>
    public static ComponentSet WindowSet => ComponentSet.Of(WindowGradient);

    /// <summary>Structural event table columns.</summary>
    public static ComponentSet EventSet => ComponentSet.Of(EventKind, EventNode, EventSource, EventLag, EventWeight, EventValue);

    /// <summary>Δ-log entry table columns.</summary>
    public static ComponentSet DeltaEntrySet => ComponentSet.Of(DeltaTick, DeltaNode, DeltaValue);

    /// <summary>Δ-log state ring columns.</summary>
    public static ComponentSet DeltaStateSet => ComponentSet.Of(DeltaState);
}
