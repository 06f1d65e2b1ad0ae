using System.Runtime.CompilerServices;
using GrowNet.Ecs.Components.Topology;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Engine.Models;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// The host's handle to one dynamic-topology block living in a world (topology.md). Holds no
/// state of its own: everything is in the world's tables, so any number of handles to the same
/// block agree. Ticks run only through <see cref="World.Step"/> (stage the input with
/// <see cref="SetInput"/> first). Views are read-only; setters validate everything before
/// changing anything, and a call that throws leaves the block as it was.
/// </summary>
public sealed partial class TopologyBlock : Population
{
    internal TopologyBlock(World world, Entity entity) : base(world, entity)
    {
    }

    /// <inheritdoc />
    public override string Family => TopologyFamily.FamilyName;

    /// <summary>Creates a block from its config record; the definition is validated before anything is created.</summary>
    /// <exception cref="ModelConfigException">A field of <paramref name="definition"/> is invalid (the exception names it).</exception>
    /// <exception cref="InvalidOperationException">Called from inside a tick.</exception>
    public static TopologyBlock Create(World world, string name, TopologyDefinition definition) => TopologyFactory.Create(world, name, definition);

    /// <summary>Finds the block behind <paramref name="entity"/>.</summary>
    /// <exception cref="ArgumentException">The entity is not a live block.</exception>
    public static TopologyBlock Attach(World world, Entity entity)
    {
        ArgumentNullException.ThrowIfNull(world);
        if (!world.IsAlive(entity) || !world.Has<TopologyState>(entity) || !world.Has<TopologyParameters>(entity))
            throw new ArgumentException($"{entity} is not a live topology block.", nameof(entity));
        return new TopologyBlock(world, entity);
    }

    /// <summary>Every block in the world, in entity order.</summary>
    public static IReadOnlyList<TopologyBlock> All(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var blocks = new List<TopologyBlock>();
        foreach (var table in world.Query(TopologyBlocks.BlockSet))
            foreach (var entity in table.Entities)
                blocks.Add(new TopologyBlock(world, entity));
        blocks.Sort((a, b) => a.Entity.Index.CompareTo(b.Entity.Index));
        return blocks;
    }

    /// <summary>The block's parameters (read-only; change them with <see cref="SetParameters"/>).</summary>
    public ref readonly TopologyParameters Parameters => ref World.Get<TopologyParameters>(Entity);

    /// <summary>The block's scalars and table handles (read-only).</summary>
    public ref readonly TopologyState State => ref World.Get<TopologyState>(Entity);

    /// <summary>Number of vertices N.</summary>
    public int VertexCount => World.GetTable(State.Vertices).Count;

    /// <summary>Number of edges |E|.</summary>
    public int EdgeCount => State.EdgeCount;

    /// <summary>The edge budget E_max = ceil(ρmax · N²).</summary>
    public int EdgeBudget => Parameters.EdgeBudget(VertexCount);

    /// <summary>The representation in use.</summary>
    public TopologyRepresentation Representation => State.Representation;

    /// <summary>Ticks completed by the block.</summary>
    public ulong TickCount => State.TickCount;

    /// <summary>
    /// The reward R used by the coming ticks' plasticity, held until changed (initially 1).
    /// R = 0 stops learning, R &lt; 0 makes it anti-Hebbian.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">R is NaN or infinite, or η · R overflows.</exception>
    public float Reward
    {
        get => State.Reward;
        set
        {
            ValidateReward(value, Parameters.LearningRate);
            StateRef.Reward = value;
        }
    }

    /// <summary>The activations x (a view valid until the block's tables change).</summary>
    public ReadOnlySpan<float> Activations => Vertices.Span(TopologyColumns.Activation);

    /// <summary>The pre-activations z of the last tick.</summary>
    public ReadOnlySpan<float> PreActivations => Vertices.Span(TopologyColumns.PreActivation);

    /// <summary>The sensory gains s.</summary>
    public ReadOnlySpan<float> SensoryGain => Vertices.Span(TopologyColumns.SensoryGain);

    /// <summary>The biases b.</summary>
    public ReadOnlySpan<float> Bias => Vertices.Span(TopologyColumns.Bias);

    /// <summary>The input u staged for the coming tick (zeros when none).</summary>
    public ReadOnlySpan<float> Input => Vertices.Span(TopologyColumns.Input);

    private Table Vertices => World.GetTable(State.Vertices);

    private ref TopologyState StateRef => ref World.Get<TopologyState>(Entity);

    /// <summary>
    /// Stages the external input u for the coming tick; the tick consumes it (u is zero on later
    /// ticks unless set again).
    /// </summary>
    /// <exception cref="ArgumentException">Wrong length, or a NaN or infinite value.</exception>
    public void SetInput(ReadOnlySpan<float> input)
    {
        CheckVector(input, nameof(input), "input u");
        input.CopyTo(Vertices.Span(TopologyColumns.Input));
        StateRef.InputPending = true;
    }

    /// <summary>Removes a staged input.</summary>
    public void ClearInput()
    {
        Vertices.Span(TopologyColumns.Input).Clear();
        StateRef.InputPending = false;
    }

    /// <summary>Sets the sensory gains s.</summary>
    /// <exception cref="ArgumentException">Wrong length, or a NaN or infinite value.</exception>
    public void SetSensoryGain(ReadOnlySpan<float> gain)
    {
        CheckVector(gain, nameof(gain), "sensory gain s");
        gain.CopyTo(Vertices.Span(TopologyColumns.SensoryGain));
    }

    /// <summary>Sets the biases b.</summary>
    /// <exception cref="ArgumentException">Wrong length, or a NaN or infinite value.</exception>
    public void SetBias(ReadOnlySpan<float> bias)
    {
        CheckVector(bias, nameof(bias), "bias b");
        bias.CopyTo(Vertices.Span(TopologyColumns.Bias));
    }

    /// <summary>Sets the activations x (each in [−1, 1]).</summary>
    /// <exception cref="ArgumentException">Wrong length, or a value outside [−1, 1] or NaN.</exception>
    public void SetActivations(ReadOnlySpan<float> activations)
    {
        CheckVector(activations, nameof(activations), "activation x");
        for (int i = 0; i < activations.Length; i++)
        {
            if (activations[i] is < -1f or > 1f)
                throw new ArgumentException($"Activation x[{i}] = {activations[i]} lies outside [−1, 1].", nameof(activations));
        }

        activations.CopyTo(Vertices.Span(TopologyColumns.Activation));
    }

    /// <summary>Copies x into <paramref name="destination"/> (length N).</summary>
    public void CopyActivations(Span<float> destination)
    {
        if (destination.Length != VertexCount)
            throw new ArgumentException($"Destination holds {destination.Length} values; the block has {VertexCount} vertices.", nameof(destination));
        Activations.CopyTo(destination);
    }

    /// <summary>Whether W[<paramref name="row"/>, <paramref name="column"/>] is an edge (M = 1).</summary>
    public bool HasEdge(int row, int column)
    {
        CheckCell(row, column);
        return TopologyStorage.HasEdge(World, State, row, column);
    }

    /// <summary>W[<paramref name="row"/>, <paramref name="column"/>] (0 for a non-edge).</summary>
    public float Weight(int row, int column)
    {
        CheckCell(row, column);
        return TopologyStorage.Weight(World, State, row, column);
    }

    /// <summary>Number of edges in row <paramref name="row"/> of W.</summary>
    public int Degree(int row)
    {
        CheckCell(row, 0);
        return Vertices.Span(TopologyColumns.Degree)[row];
    }

    /// <summary>Copies W as an N × N row-major matrix (0 for non-edges) into <paramref name="destination"/>.</summary>
    public void CopyWeights(Span<float> destination)
    {
        int n = VertexCount;
        if (destination.Length != n * n)
            throw new ArgumentException($"Destination holds {destination.Length} values; W has {n} × {n}.", nameof(destination));
        TopologyStorage.CopyWeights(World, State, destination);
    }

    /// <summary>Copies M as an N × N row-major matrix into <paramref name="destination"/>.</summary>
    public void CopyMask(Span<bool> destination)
    {
        int n = VertexCount;
        if (destination.Length != n * n)
            throw new ArgumentException($"Destination holds {destination.Length} values; M has {n} × {n}.", nameof(destination));
        TopologyStorage.CopyMask(World, State, destination);
    }

    /// <summary>Every edge, row by row in ascending column order.</summary>
    public IReadOnlyList<TopologyEdge> Edges()
    {
        var edges = new List<TopologyEdge>(EdgeCount);
        for (int i = 0; i < VertexCount; i++)
        {
            int row = i;
            TopologyStorage.VisitRow(World, State, i, (j, w) => edges.Add(new TopologyEdge(row, j, w)));
        }

        return edges;
    }

    /// <summary>The block's summary.</summary>
    public TopologyStatistics Statistics()
    {
        int n = VertexCount;
        int edges = EdgeCount;
        double activity = 0;
        foreach (float x in Activations)
            activity += Math.Abs(x);
        return new TopologyStatistics(n, edges, EdgeBudget, edges == 0 ? 0 : TopologyStorage.AbsWeightSum(World, State) / edges,
            n == 0 ? 0 : activity / n, Representation, TickCount);
    }

    /// <summary>
    /// Replaces the parameters (validated first). A policy of Dense or Sparse converts the block
    /// at once; Auto leaves the choice to the next tick.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range, or η · R would overflow.</exception>
    /// <exception cref="ArgumentException">The new ρmax gives a budget below the current edge count.</exception>
    public void SetParameters(TopologyParameters parameters)
    {
        ThrowIfTicking();
        parameters.Validate();
        ValidateReward(State.Reward, parameters.LearningRate);
        int budget = parameters.EdgeBudget(VertexCount);
        if (EdgeCount > budget)
            throw new ArgumentException(
                $"MaxDensity {parameters.MaxDensity} gives E_max = {budget}, below the block's {EdgeCount} edges.", nameof(parameters));
        World.Get<TopologyParameters>(Entity) = parameters;
        ref var state = ref StateRef;
        var wanted = parameters.Representation switch
        {
            RepresentationPolicy.Dense => TopologyRepresentation.Dense,
            RepresentationPolicy.Sparse => TopologyRepresentation.Sparse,
            _ => state.Representation,
        };
        if (wanted != state.Representation)
            TopologyRepresentationSystem.Switch(World, ref state, wanted);
    }

    /// <summary>
    /// Appends <paramref name="count"/> vertices without edges (x = 0, the given s and b). They
    /// take the next indices, so every existing vertex keeps its index; E_max grows with N.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Count below 1, the block would exceed <see cref="TopologyFactory.MaxVertices"/>, or s or b is not finite.</exception>
    public void AddVertices(int count, float sensoryGain = 1f, float bias = 0f)
    {
        ThrowIfTicking();
        if (count < 1 || count > TopologyFactory.MaxVertices - VertexCount)
            throw new ArgumentOutOfRangeException(nameof(count), count,
                $"Between 1 and {TopologyFactory.MaxVertices - VertexCount} vertices can be added (N ≤ {TopologyFactory.MaxVertices}).");
        if (!float.IsFinite(sensoryGain))
            throw new ArgumentOutOfRangeException(nameof(sensoryGain), sensoryGain, "Sensory gain must be finite.");
        if (!float.IsFinite(bias))
            throw new ArgumentOutOfRangeException(nameof(bias), bias, "Bias must be finite.");
        TopologyStorage.AppendVertices(World, ref StateRef, count, sensoryGain, bias);
    }

    internal static void ValidateReward(float reward, float learningRate)
    {
        if (!float.IsFinite(reward))
            throw new ArgumentOutOfRangeException(nameof(reward), reward, "Reward R must be a finite number.");
        if (!float.IsFinite(learningRate * reward))
            throw new ArgumentOutOfRangeException(nameof(reward), reward, $"η · R overflows float32 (η = {learningRate}).");
    }

    private void CheckVector(ReadOnlySpan<float> values, string parameter, string what)
    {
        int n = VertexCount;
        if (values.Length != n)
            throw new ArgumentException($"The {what} vector has {values.Length} values; block '{Name}' has {n} vertices.", parameter);
        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
                ThrowNotFinite(parameter, what, i, values[i]);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNotFinite(string parameter, string what, int index, float value)
        => throw new ArgumentException($"The {what} vector holds {value} at index {index}; values must be finite.", parameter);

    private void CheckCell(int row, int column)
    {
        int n = VertexCount;
        if ((uint)row >= (uint)n || (uint)column >= (uint)n)
            throw new ArgumentOutOfRangeException(nameof(row), $"Cell ({row}, {column}) lies outside block '{Name}' ({n} vertices).");
    }

    private void ThrowIfTicking()
    {
        World.ThrowIfIterating();
        if (World.Scheduler.IsRunning)
            throw new InvalidOperationException("This changes the block's structure; call it between ticks, not from inside a system.");
    }
}
