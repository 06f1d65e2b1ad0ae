using GrowNet.Ecs.Components.Graph;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>
/// The backing arrays of one block's tables, gathered once per system run so kernels and
/// parallel actions can hold them (spans cannot live in a struct the worker pool copies).
/// Arrays are at least as long as the rows in use; stale after any structural change.
/// </summary>
internal readonly struct GraphArrays
{
    public GraphArrays(World world, in GraphState state)
    {
        var nodes = world.GetTable(state.Nodes);
        NodeCount = nodes.Count;
        Kind = Column(nodes, GraphColumns.Kind);
        Head = Column(nodes, GraphColumns.Head);
        Bias = Column(nodes, GraphColumns.Bias);
        Frequency = Column(nodes, GraphColumns.Frequency);
        Level = Column(nodes, GraphColumns.Level);
        Channel = Column(nodes, GraphColumns.Channel);
        Alpha = Column(nodes, GraphColumns.Alpha);
        ChildA = Column(nodes, GraphColumns.ChildA);
        ChildB = Column(nodes, GraphColumns.ChildB);
        TapStart = Column(nodes, GraphColumns.TapStart);
        TapCount = Column(nodes, GraphColumns.TapCount);
        TapCapacity = Column(nodes, GraphColumns.TapCapacity);
        Next = Column(nodes, GraphColumns.Next);
        Updates = Column(nodes, GraphColumns.Updates);
        Frozen = Column(nodes, GraphColumns.Frozen);
        Blocked = Column(nodes, GraphColumns.Blocked);
        GroupNext = Column(nodes, GraphColumns.GroupNext);
        CreatedTick = Column(nodes, GraphColumns.CreatedTick);
        Ring = Column(world.GetTable(state.Rings), GraphColumns.Ring);
        var taps = world.GetTable(state.Taps);
        TapRows = taps.Count;
        TapSource = Column(taps, GraphColumns.TapSource);
        TapLag = Column(taps, GraphColumns.TapLag);
        TapWeight = Column(taps, GraphColumns.TapWeight);
        TapValue = Column(taps, GraphColumns.TapValue);
        TapSumSquares = Column(taps, GraphColumns.TapSumSquares);
        var channels = world.GetTable(state.Channels);
        ChannelCount = channels.Count;
        ChannelInput = Column(channels, GraphColumns.ChannelInput);
        Prediction = Column(channels, GraphColumns.Prediction);
        Error = Column(channels, GraphColumns.Error);
        FirstPredictor = Column(channels, GraphColumns.FirstPredictor);
        LastPredictor = Column(channels, GraphColumns.LastPredictor);
        PredictorCount = Column(channels, GraphColumns.PredictorCount);
        Norm = Column(channels, GraphColumns.Norm);
        Step = Column(channels, GraphColumns.Step);
        SumSquaredError = Column(channels, GraphColumns.SumSquaredError);
        SumInput = Column(channels, GraphColumns.SumInput);
        SumInputSquares = Column(channels, GraphColumns.SumInputSquares);
        Baseline = Column(channels, GraphColumns.Baseline);
        CycleMse = Column(channels, GraphColumns.CycleMse);
        CycleNrmse = Column(channels, GraphColumns.CycleNrmse);
        var candidates = world.GetTable(state.Candidates);
        CandidateRows = candidates.Count;
        CandidateSource = Column(candidates, GraphColumns.CandidateSource);
        CandidateLag = Column(candidates, GraphColumns.CandidateLag);
        CandidateState = Column(candidates, GraphColumns.CandidateState);
        Shadow = Column(candidates, GraphColumns.Shadow);
        ShadowSquaredError = Column(candidates, GraphColumns.ShadowSquaredError);
        Snr = Column(candidates, GraphColumns.Snr);
        WindowGradient = Column(world.GetTable(state.Windows), GraphColumns.WindowGradient);
        PredictorStart = state.PredictorStart;
    }

    public int NodeCount { get; }
    public int PredictorStart { get; }
    public byte[] Kind { get; }
    public int[] Head { get; }
    public float[] Bias { get; }
    public float[] Frequency { get; }
    public int[] Level { get; }
    public int[] Channel { get; }
    public float[] Alpha { get; }
    public int[] ChildA { get; }
    public int[] ChildB { get; }
    public int[] TapStart { get; }
    public int[] TapCount { get; }
    public int[] TapCapacity { get; }
    public float[] Next { get; }
    public byte[] Updates { get; }
    public byte[] Frozen { get; }
    public byte[] Blocked { get; }
    public int[] GroupNext { get; }
    public long[] CreatedTick { get; }
    public float[] Ring { get; }
    public int TapRows { get; }
    public int[] TapSource { get; }
    public byte[] TapLag { get; }
    public float[] TapWeight { get; }
    public float[] TapValue { get; }
    public double[] TapSumSquares { get; }
    public int ChannelCount { get; }
    public float[] ChannelInput { get; }
    public float[] Prediction { get; }
    public float[] Error { get; }
    public int[] FirstPredictor { get; }
    public int[] LastPredictor { get; }
    public int[] PredictorCount { get; }
    public float[] Norm { get; }
    public float[] Step { get; }
    public double[] SumSquaredError { get; }
    public double[] SumInput { get; }
    public double[] SumInputSquares { get; }
    public double[] Baseline { get; }
    public double[] CycleMse { get; }
    public double[] CycleNrmse { get; }
    public int CandidateRows { get; }
    public int[] CandidateSource { get; }
    public byte[] CandidateLag { get; }
    public byte[] CandidateState { get; }
    public float[] Shadow { get; }
    public double[] ShadowSquaredError { get; }
    public double[] Snr { get; }
    public double[] WindowGradient { get; }

    /// <summary>Predictor nodes (rows PredictorStart .. N − 1).</summary>
    public int PredictorCountTotal => NodeCount - PredictorStart;

    /// <summary>lag(k) of node <paramref name="node"/> in a ring of length <paramref name="h"/>.</summary>
    public float Lag(int node, int k, int h)
    {
        int slot = Head[node] - k;
        slot += (slot >> 31) & h;
        return Ring[node * h + slot];
    }

    private static T[] Column<T>(Table table, ColumnKey<T> key) where T : unmanaged
        => table.TypedColumn(key).DangerousGetArray();
}
