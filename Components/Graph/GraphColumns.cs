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
    public static readonly ColumnKey<byte> Kind = new ColumnKey<byte>("graph.node.kind");
    /// <summary>Ring slot holding lag(0).</summary>
    public static readonly ColumnKey<int> Head = new ColumnKey<int>("graph.node.head");
    /// <summary>Bias (Hidden and Predictor nodes).</summary>
    public static readonly ColumnKey<float> Bias = new ColumnKey<float>("graph.node.bias");
    /// <summary>Update frequency f.</summary>
    public static readonly ColumnKey<float> Frequency = new ColumnKey<float>("graph.node.updateFrequency");
    /// <summary>Hierarchy level.</summary>
    public static readonly ColumnKey<int> Level = new ColumnKey<int>("graph.node.level");
    /// <summary>Channel of an Input or Predictor node, else −1.</summary>
    public static readonly ColumnKey<int> Channel = new ColumnKey<int>("graph.node.channel");
    /// <summary>Mixing weight of a predictor in its group's prediction.</summary>
    public static readonly ColumnKey<float> Alpha = new ColumnKey<float>("graph.node.alpha");
    /// <summary>First child of a Summary node, else −1.</summary>
    public static readonly ColumnKey<int> ChildA = new ColumnKey<int>("graph.node.childA");
    /// <summary>Second child of a Summary node, else −1.</summary>
    public static readonly ColumnKey<int> ChildB = new ColumnKey<int>("graph.node.childB");
    /// <summary>First tap row of the node.</summary>
    public static readonly ColumnKey<int> TapStart = new ColumnKey<int>("graph.node.tapStart");
    /// <summary>Taps in the node's row.</summary>
    public static readonly ColumnKey<int> TapCount = new ColumnKey<int>("graph.node.tapCount");
    /// <summary>Tap rows reserved for the node (its count for Hidden nodes, MaxInDegree for predictors).</summary>
    public static readonly ColumnKey<int> TapCapacity = new ColumnKey<int>("graph.node.tapCapacity");
    /// <summary>The value computed by the last gather (step 1).</summary>
    public static readonly ColumnKey<float> Next = new ColumnKey<float>("graph.node.next");
    /// <summary>1 when the node updated on the last tick (the update gate of step 1).</summary>
    public static readonly ColumnKey<byte> Updates = new ColumnKey<byte>("graph.node.updates");
    /// <summary>1 for a frozen predictor.</summary>
    public static readonly ColumnKey<byte> Frozen = new ColumnKey<byte>("graph.node.frozen");
    /// <summary>1 for a predictor a commit found at MaxInDegree (within one structural step only).</summary>
    public static readonly ColumnKey<byte> Blocked = new ColumnKey<byte>("graph.node.blocked");
    /// <summary>The next predictor of the same channel (ascending), −1 at the end of the group.</summary>
    public static readonly ColumnKey<int> GroupNext = new ColumnKey<int>("graph.node.groupNext");
    /// <summary>The block tick at which the node was created (0 at construction).</summary>
    public static readonly ColumnKey<long> CreatedTick = new ColumnKey<long>("graph.node.createdTick");

    /// <summary>A ring slot's value.</summary>
    public static readonly ColumnKey<float> Ring = new ColumnKey<float>("graph.ring.value");

    /// <summary>Tap source node.</summary>
    public static readonly ColumnKey<int> TapSource = new ColumnKey<int>("graph.tap.source");
    /// <summary>Tap lag k in 0..H − 1.</summary>
    public static readonly ColumnKey<byte> TapLag = new ColumnKey<byte>("graph.tap.lag");
    /// <summary>Tap weight.</summary>
    public static readonly ColumnKey<float> TapWeight = new ColumnKey<float>("graph.tap.weight");
    /// <summary>The value v the tap read in the last gather (predictor taps).</summary>
    public static readonly ColumnKey<float> TapValue = new ColumnKey<float>("graph.tap.value");
    /// <summary>Σ v² over this cycle's reads, double (predictor taps; the displacement score's rms v).</summary>
    public static readonly ColumnKey<double> TapSumSquares = new ColumnKey<double>("graph.tap.sumSquares");

    /// <summary>Staged input u_c, held until restaged.</summary>
    public static readonly ColumnKey<float> ChannelInput = new ColumnKey<float>("graph.channel.input");
    /// <summary>Prediction ŷ_c of the last tick.</summary>
    public static readonly ColumnKey<float> Prediction = new ColumnKey<float>("graph.channel.prediction");
    /// <summary>Error e_c = u_c − ŷ_c of the last tick.</summary>
    public static readonly ColumnKey<float> Error = new ColumnKey<float>("graph.channel.error");
    /// <summary>First predictor of the channel's group.</summary>
    public static readonly ColumnKey<int> FirstPredictor = new ColumnKey<int>("graph.channel.firstPredictor");
    /// <summary>Last predictor of the channel's group.</summary>
    public static readonly ColumnKey<int> LastPredictor = new ColumnKey<int>("graph.channel.lastPredictor");
    /// <summary>Predictors in the channel's group.</summary>
    public static readonly ColumnKey<int> PredictorCount = new ColumnKey<int>("graph.channel.predictorCount");
    /// <summary>P_c of the last tick.</summary>
    public static readonly ColumnKey<float> Norm = new ColumnKey<float>("graph.channel.norm");
    /// <summary>μ of the last tick.</summary>
    public static readonly ColumnKey<float> Step = new ColumnKey<float>("graph.channel.step");
    /// <summary>Σ e² over the running cycle (double).</summary>
    public static readonly ColumnKey<double> SumSquaredError = new ColumnKey<double>("graph.channel.sumSquaredError");
    /// <summary>Σ u over the running cycle (double).</summary>
    public static readonly ColumnKey<double> SumInput = new ColumnKey<double>("graph.channel.sumInput");
    /// <summary>Σ u² over the running cycle (double).</summary>
    public static readonly ColumnKey<double> SumInputSquares = new ColumnKey<double>("graph.channel.sumInputSquares");
    /// <summary>Sbase: Σ e² over the running cycle's last quarter (double).</summary>
    public static readonly ColumnKey<double> Baseline = new ColumnKey<double>("graph.channel.baseline");
    /// <summary>Mean e² over the last completed cycle.</summary>
    public static readonly ColumnKey<double> CycleMse = new ColumnKey<double>("graph.channel.cycleMse");
    /// <summary>sqrt(mean e²) / std u over the last completed cycle (0 when u was constant).</summary>
    public static readonly ColumnKey<double> CycleNrmse = new ColumnKey<double>("graph.channel.cycleNrmse");

    /// <summary>Candidate source node.</summary>
    public static readonly ColumnKey<int> CandidateSource = new ColumnKey<int>("graph.candidate.source");
    /// <summary>Candidate lag.</summary>
    public static readonly ColumnKey<byte> CandidateLag = new ColumnKey<byte>("graph.candidate.lag");
    /// <summary>Candidate state (<see cref="GraphCandidateState"/>).</summary>
    public static readonly ColumnKey<byte> CandidateState = new ColumnKey<byte>("graph.candidate.state");
    /// <summary>Shadow weight δ of a Warm candidate.</summary>
    public static readonly ColumnKey<float> Shadow = new ColumnKey<float>("graph.candidate.shadow");
    /// <summary>S_R: Σ e'² over the cycle's last quarter (double).</summary>
    public static readonly ColumnKey<double> ShadowSquaredError = new ColumnKey<double>("graph.candidate.shadowSquaredError");
    /// <summary>SNR found at mid-cycle (diagnostic).</summary>
    public static readonly ColumnKey<double> Snr = new ColumnKey<double>("graph.candidate.snr");
    /// <summary>Σ of the prospective gradient over one SNR window (double).</summary>
    public static readonly ColumnKey<double> WindowGradient = new ColumnKey<double>("graph.window.gradient");

    /// <summary>Δ-log entry: the tick.</summary>
    public static readonly ColumnKey<long> DeltaTick = new ColumnKey<long>("graph.delta.tick");
    /// <summary>Δ-log entry: the node.</summary>
    public static readonly ColumnKey<int> DeltaNode = new ColumnKey<int>("graph.delta.node");
    /// <summary>Δ-log entry: Δ = next − lag(0).</summary>
    public static readonly ColumnKey<float> DeltaValue = new ColumnKey<float>("graph.delta.value");
    /// <summary>Δ-log state ring: a node's state after a tick.</summary>
    public static readonly ColumnKey<float> DeltaState = new ColumnKey<float>("graph.delta.state");

    /// <summary>Structural event: a <see cref="GraphEventKind"/>.</summary>
    public static readonly ColumnKey<byte> EventKind = new ColumnKey<byte>("graph.event.kind");
    /// <summary>Structural event: the predictor.</summary>
    public static readonly ColumnKey<int> EventNode = new ColumnKey<int>("graph.event.node");
    /// <summary>Structural event: the tap's source (the clone, for a split).</summary>
    public static readonly ColumnKey<int> EventSource = new ColumnKey<int>("graph.event.source");
    /// <summary>Structural event: the tap's lag.</summary>
    public static readonly ColumnKey<byte> EventLag = new ColumnKey<byte>("graph.event.lag");
    /// <summary>Structural event: the weight involved.</summary>
    public static readonly ColumnKey<float> EventWeight = new ColumnKey<float>("graph.event.weight");
    /// <summary>Structural event: the gain or score involved (double).</summary>
    public static readonly ColumnKey<double> EventValue = new ColumnKey<double>("graph.event.value");

    /// <summary>The node table: one row per node.</summary>
    public static TableDeclaration NodeTable { get; } = new("graph.node", Kind, Head, Bias, Frequency, Level, Channel, Alpha, ChildA, ChildB,
        TapStart, TapCount, TapCapacity, Next, Updates, Frozen, Blocked, GroupNext, CreatedTick);

    /// <summary>The ring table: H rows per node.</summary>
    public static TableDeclaration RingTable { get; } = new("graph.ring", Ring);

    /// <summary>The tap table: compressed rows by target.</summary>
    public static TableDeclaration TapTable { get; } = new("graph.tap", TapSource, TapLag, TapWeight, TapValue, TapSumSquares);

    /// <summary>The channel table: one row per channel.</summary>
    public static TableDeclaration ChannelTable { get; } = new("graph.channel", ChannelInput, Prediction, Error, FirstPredictor, LastPredictor,
        PredictorCount, Norm, Step, SumSquaredError, SumInput, SumInputSquares, Baseline, CycleMse, CycleNrmse);

    /// <summary>The candidate table: ShortlistSize rows per predictor.</summary>
    public static TableDeclaration CandidateTable { get; } = new("graph.candidate", CandidateSource, CandidateLag, CandidateState, Shadow,
        ShadowSquaredError, Snr);

    /// <summary>The SNR window table: SnrWindows rows per candidate row.</summary>
    public static TableDeclaration WindowTable { get; } = new("graph.window", WindowGradient);

    /// <summary>The structural event table.</summary>
    public static TableDeclaration EventTable { get; } = new("graph.event", EventKind, EventNode, EventSource, EventLag, EventWeight, EventValue);

    /// <summary>The Δ-log entry ring.</summary>
    public static TableDeclaration DeltaEntryTable { get; } = new("graph.delta", DeltaTick, DeltaNode, DeltaValue);

    /// <summary>The Δ-log state ring.</summary>
    public static TableDeclaration DeltaStateTable { get; } = new("graph.deltaState", DeltaState);

    /// <summary>Every table of a block, in the order the block creates them.</summary>
    public static IReadOnlyList<TableDeclaration> Tables { get; } =
        [NodeTable, RingTable, TapTable, ChannelTable, CandidateTable, WindowTable, EventTable, DeltaEntryTable, DeltaStateTable];
}
