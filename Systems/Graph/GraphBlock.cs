using System.Runtime.CompilerServices;
using GrowNet.Ecs.Components.Graph;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Engine.Models;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>
/// The host's handle to one graph block living in a world (graph.md). Holds no state of its own:
/// everything is in the world's tables, so any number of handles to the same block agree. Ticks
/// run through <see cref="World.Step"/>. Calls validate everything before changing anything; a
/// call that throws leaves the block as it was.
/// </summary>
public sealed partial class GraphBlock : Population
{
    internal GraphBlock(World world, Entity entity) : base(world, entity)
    {
    }

    /// <inheritdoc />
    public override string Family => GraphFamily.FamilyName;

    /// <summary>Finds the block behind <paramref name="entity"/>.</summary>
    /// <exception cref="ArgumentException">The entity is not a live graph block.</exception>
    public static GraphBlock Attach(World world, Entity entity)
    {
        ArgumentNullException.ThrowIfNull(world);
        if (!world.IsAlive(entity) || !world.Has<GraphState>(entity) || !world.Has<GraphConfig>(entity))
            throw new ArgumentException($"{entity} is not a live graph block.", nameof(entity));
        return new GraphBlock(world, entity);
    }

    /// <summary>Every block in the world, in entity order.</summary>
    public static IReadOnlyList<GraphBlock> All(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var entities = new List<Entity>();
        GraphBlocks.Collect(world, entities);
        entities.Sort((x, y) => x.Index.CompareTo(y.Index));
        return entities.ConvertAll(e => new GraphBlock(world, e));
    }

    /// <summary>The block's configuration.</summary>
    public ref readonly GraphConfig Config => ref World.Get<GraphConfig>(Entity);

    /// <summary>The block's scalars and table handles (read-only).</summary>
    public ref readonly GraphState State => ref World.Get<GraphState>(Entity);

    /// <summary>Nodes N.</summary>
    public int NodeCount => World.GetTable(State.Nodes).Count;

    /// <summary>Channels C.</summary>
    public int ChannelCount => World.GetTable(State.Channels).Count;

    /// <summary>Index of the first predictor; predictors are the nodes from here on.</summary>
    public int PredictorStart => State.PredictorStart;

    /// <summary>Lmax, the highest hierarchy level.</summary>
    public int MaxLevel => State.MaxLevel;

    /// <summary>Ticks completed by the block.</summary>
    public long TickCount => State.Tick;

    /// <summary>Cstruct: learnable taps in the block.</summary>
    public int Cstruct => State.Cstruct;

    /// <summary>γscale = 1/γ of the last tick (of the coming tick before the first).</summary>
    public float GammaScale => State.GammaScale;

    /// <summary>Warm candidates in the block.</summary>
    public int WarmCount => State.WarmCount;

    internal GraphArrays Arrays => new(World, State);

    /// <summary>The kind of node <paramref name="node"/>.</summary>
    public GraphNodeKind Kind(int node) => (GraphNodeKind)Arrays.Kind[CheckNode(node)];

    /// <summary>The hierarchy level of a node.</summary>
    public int Level(int node) => Arrays.Level[CheckNode(node)];

    /// <summary>The update frequency f of a node.</summary>
    public float Frequency(int node) => Arrays.Frequency[CheckNode(node)];

    /// <summary>The channel of an Input or Predictor node (−1 for others).</summary>
    public int Channel(int node) => Arrays.Channel[CheckNode(node)];

    /// <summary>The mixing weight alpha of a predictor.</summary>
    public float Alpha(int node) => Arrays.Alpha[CheckNode(node)];

    /// <summary>The bias of a node.</summary>
    public float Bias(int node) => Arrays.Bias[CheckNode(node)];

    /// <summary>The ring slot holding a node's lag(0).</summary>
    public int Head(int node) => Arrays.Head[CheckNode(node)];

    /// <summary>Whether a predictor is frozen.</summary>
    public bool IsFrozen(int node) => Arrays.Frozen[CheckNode(node)] != 0;

    /// <summary>The two children of a Summary node ((−1, −1) for others).</summary>
    public (int A, int B) Children(int node)
    {
        var a = Arrays;
        int i = CheckNode(node);
        return (a.ChildA[i], a.ChildB[i]);
    }

    /// <summary><c>lag(k)</c> of a node: the value it wrote k commits ago (k = 0 is its current state).</summary>
    public float Lag(int node, int k)
    {
        CheckNode(node);
        if ((uint)k >= (uint)Config.HistoryLength)
            throw new ArgumentOutOfRangeException(nameof(k), k, $"The lag must lie in 0..{Config.HistoryLength - 1} (HistoryLength).");
        return Arrays.Lag(node, k, Config.HistoryLength);
    }

    /// <summary>A node's taps in row order (ascending (source, lag)).</summary>
    public GraphTap[] Taps(int node)
    {
        var a = Arrays;
        int start = a.TapStart[CheckNode(node)];
        var taps = new GraphTap[a.TapCount[node]];
        for (int k = 0; k < taps.Length; k++)
            taps[k] = new GraphTap(a.TapSource[start + k], a.TapLag[start + k], a.TapWeight[start + k]);
        return taps;
    }

    /// <summary>The predictors of a channel's group, ascending.</summary>
    public int[] Predictors(int channel)
    {
        var a = Arrays;
        var group = new List<int>();
        for (int g = a.FirstPredictor[CheckChannel(channel)]; g >= 0; g = a.GroupNext[g])
            group.Add(g);
        return group.ToArray();
    }

    /// <summary>A predictor's candidate rows in use (shortlisted or Warm), in ascending (j, k).</summary>
    public GraphCandidate[] Candidates(int predictor)
    {
        var a = Arrays;
        int size = Config.ShortlistSize, first = (CheckPredictor(predictor) - PredictorStart) * size;
        var rows = new List<GraphCandidate>();
        for (int r = first; r < first + size; r++)
        {
            if (a.CandidateState[r] != (byte)GraphCandidateState.Cold)
                rows.Add(new GraphCandidate(a.CandidateSource[r], a.CandidateLag[r], (GraphCandidateState)a.CandidateState[r], a.Snr[r],
                    a.Shadow[r], a.ShadowSquaredError[r]));
        }

        return rows.ToArray();
    }

    /// <summary>Stages every channel's input u(t); held until restaged.</summary>
    /// <exception cref="ArgumentException">Wrong length, or a NaN or infinite value (nothing is staged).</exception>
    public void Stage(ReadOnlySpan<float> inputs)
    {
        if (inputs.Length != ChannelCount)
            throw new ArgumentException($"Block '{Name}' has {ChannelCount} channels; {inputs.Length} values were given.", nameof(inputs));
        for (int c = 0; c < inputs.Length; c++)
            CheckFinite(inputs[c], c);
        inputs.CopyTo(Arrays.ChannelInput);
    }

    /// <summary>Stages one channel's input u_c(t); held until restaged.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unknown channel, or a NaN or infinite value.</exception>
    public void Stage(int channel, float value)
    {
        CheckChannel(channel);
        CheckFinite(value, channel);
        Arrays.ChannelInput[channel] = value;
    }

    /// <summary>Stages <paramref name="inputs"/> and runs one world tick.</summary>
    public void Tick(ReadOnlySpan<float> inputs)
    {
        Stage(inputs);
        World.Step();
    }

    /// <summary>The staged input of a channel.</summary>
    public float Input(int channel) => Arrays.ChannelInput[CheckChannel(channel)];

    /// <summary>The prediction ŷ_c of the last tick.</summary>
    public float Prediction(int channel) => Arrays.Prediction[CheckChannel(channel)];

    /// <summary>The error e_c of the last tick.</summary>
    public float Error(int channel) => Arrays.Error[CheckChannel(channel)];

    /// <summary>Copies the predictions ŷ (length C).</summary>
    public void CopyPredictions(Span<float> destination) => CopyChannels(Arrays.Prediction, destination);

    /// <summary>Copies the errors e (length C).</summary>
    public void CopyErrors(Span<float> destination) => CopyChannels(Arrays.Error, destination);

    /// <summary>Copies every node's state lag(0) (length N).</summary>
    public void CopyStates(Span<float> destination)
    {
        if (destination.Length != NodeCount)
            throw new ArgumentException($"Block '{Name}' has {NodeCount} nodes; the destination holds {destination.Length}.", nameof(destination));
        var a = Arrays;
        int h = Config.HistoryLength;
        for (int i = 0; i < destination.Length; i++)
            destination[i] = a.Lag(i, 0, h);
    }

    /// <summary>Freezes a predictor: it still predicts but neither learns, probes, commits nor splits; its shortlist and Warm set are dropped.</summary>
    public void Freeze(int predictor)
    {
        ThrowIfTicking();
        var a = Arrays;
        CheckPredictor(predictor);
        if (a.Frozen[predictor] != 0)
            return;
        ref var state = ref World.Get<GraphState>(Entity);
        int size = Config.ShortlistSize, first = (predictor - PredictorStart) * size;
        for (int r = first; r < first + size; r++)
            state.WarmCount -= a.CandidateState[r] == (byte)GraphCandidateState.Warm ? 1 : 0;
        GraphShortlist.Clear(a, Config, predictor);
        a.Frozen[predictor] = 1;
    }

    /// <summary>Unfreezes a predictor: it takes part again from the next cycle (its next shortlist).</summary>
    public void Unfreeze(int predictor)
    {
        ThrowIfTicking();
        Arrays.Frozen[CheckPredictor(predictor)] = 0;
    }

    /// <summary>Clone-and-splits a predictor now (between ticks); returns the clone's index.</summary>
    /// <exception cref="InvalidOperationException">The predictor is frozen, or its group is at MaxPredictorsPerChannel.</exception>
    public int SplitPredictor(int predictor)
    {
        ThrowIfTicking();
        var a = Arrays;
        CheckPredictor(predictor);
        if (a.Frozen[predictor] != 0)
            throw new InvalidOperationException($"Predictor {predictor} is frozen; frozen predictors do not split.");
        if (a.PredictorCount[a.Channel[predictor]] >= Config.MaxPredictorsPerChannel)
            throw new InvalidOperationException($"Channel {a.Channel[predictor]} already has MaxPredictorsPerChannel = {Config.MaxPredictorsPerChannel} predictors.");
        var config = Config;
        return new GraphSplitSystem().Split(World, ref World.Get<GraphState>(Entity), config, predictor);
    }

    /// <summary>The block's metrics now (a snapshot; see also <see cref="Population.ReadMetrics"/>).</summary>
    public GraphMetrics Metrics() => GraphReport.Metrics(this);

    /// <summary>A predictor's taps sorted by signed weight, descending (ties → lower (source, lag)).</summary>
    public GraphTap[] Spectrum(int predictor) => GraphSpectra.Spectrum(Taps(CheckPredictor(predictor)));

    /// <summary>Nearest-rank summary of a predictor's tap weights.</summary>
    public GraphSpectrumSummary SpectrumSummary(int predictor) => GraphSpectra.Summary(Taps(CheckPredictor(predictor)));

    /// <summary>Predictors by the L2 norm of their tap weights, descending (ties → lower index).</summary>
    public int[] CanonicalOrder() => GraphReport.CanonicalOrder(this);

    /// <summary>The events of the last cycle-end structural step (probes, commits, displacements, prunes, splits), in order.</summary>
    public GraphEvent[] LastStructuralEvents() => GraphEvents.Read(World, State);

    /// <summary>Sbase of a channel: Σ e² over the last quarter of the running (or, after its end, the last) cycle.</summary>
    public double Baseline(int channel) => Arrays.Baseline[CheckChannel(channel)];

    /// <summary>Entries in the Δ-log window.</summary>
    public int DeltaEntryCount => State.DeltaCount;

    /// <summary><c>Reconstruct(node, t)</c> from the Δ-log: base + Σ Δ in tick order, for t in [T − DeltaHorizon, T].</summary>
    /// <exception cref="InvalidOperationException">The Δ-log is off.</exception>
    /// <exception cref="ArgumentOutOfRangeException">t outside the window or before the node existed.</exception>
    public float Reconstruct(int node, long t)
    {
        CheckNode(node);
        if (!Config.DeltaLog)
            throw new InvalidOperationException($"Block '{Name}' has no Δ-log (GraphConfig.DeltaLog is off).");
        return new GraphDeltaLog(World, State, Config).Reconstruct(State, node, t, Arrays.CreatedTick[node]);
    }

    private void CopyChannels(float[] source, Span<float> destination)
    {
        if (destination.Length != ChannelCount)
            throw new ArgumentException($"Block '{Name}' has {ChannelCount} channels; the destination holds {destination.Length}.", nameof(destination));
        source.AsSpan(0, destination.Length).CopyTo(destination);
    }

    private int CheckNode(int node)
    {
        if ((uint)node >= (uint)NodeCount)
            throw new ArgumentOutOfRangeException(nameof(node), node, $"Block '{Name}' has nodes 0..{NodeCount - 1}.");
        return node;
    }

    private int CheckPredictor(int node)
    {
        if (node < PredictorStart || node >= NodeCount)
            throw new ArgumentOutOfRangeException(nameof(node), node, $"Block '{Name}' has predictors {PredictorStart}..{NodeCount - 1}.");
        return node;
    }

    private int CheckChannel(int channel)
    {
        if ((uint)channel >= (uint)ChannelCount)
            throw new ArgumentOutOfRangeException(nameof(channel), channel, $"Unknown channel {channel}: block '{Name}' has channels 0..{ChannelCount - 1}.");
        return channel;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CheckFinite(float value, int channel)
    {
        if (!float.IsFinite(value))
            ThrowNotFinite(value, channel);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNotFinite(float value, int channel)
        => throw new ArgumentOutOfRangeException(nameof(value), value, $"Channel {channel} input is {value}; staged values must be finite.");

    private void ThrowIfTicking()
    {
        World.ThrowIfIterating();
        if (World.Scheduler.IsRunning)
            throw new InvalidOperationException("This changes the block's structure; call it between ticks, not from inside a system.");
    }
}
