using GrowNet.Ecs.Components.Graph;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Engine.Models;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>
/// Creates graph blocks (graph.md, "Construction"): the block entity (<see cref="GraphConfig"/> +
/// <see cref="GraphState"/>) and its node, ring, tap, channel, candidate, window and Δ-log tables.
/// Everything is validated before anything is created, so bad input leaves the world untouched.
/// </summary>
public static class GraphFactory
{
    /// <summary>
    /// Creates a block from its config record: drawn reservoir and identity-first predictors, or the
    /// definition's explicit taps. The definition is validated before anything is created.
    /// </summary>
    /// <exception cref="ModelConfigException">A config field, tap, bias, alpha or frequency is invalid (the exception names it).</exception>
    public static GraphBlock Create(World world, string name, GraphDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return Build(world, name, definition.Config, definition.Taps);
    }

    /// <summary>A block whose Hidden nodes draw their taps (the reservoir) and whose predictors start identity-first.</summary>
    /// <exception cref="ModelConfigException">A config field is invalid, or K exceeds the pairs a Hidden node can read.</exception>
    public static GraphBlock Create(World world, string name, GraphConfig config) => Create(world, name, new GraphDefinition { Config = config });

    /// <summary>A block with the supplied taps, biases, alphas and frequencies (for tests and hand-built graphs).</summary>
    /// <exception cref="ModelConfigException">A config field, tap, bias, alpha or frequency is invalid (the exception names it).</exception>
    public static GraphBlock FromTaps(World world, string name, GraphConfig config, GraphTapSpec taps)
    {
        ArgumentNullException.ThrowIfNull(taps);
        return Create(world, name, new GraphDefinition { Config = config, Taps = taps });
    }

    private static GraphBlock Build(World world, string name, in GraphConfig config, GraphTapSpec? spec)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        config.Validate();
        world.ThrowIfIterating();
        if (world.Scheduler.IsRunning)
            throw new InvalidOperationException("Graph blocks are created between ticks, not from inside a system.");
        var layout = new GraphLayout(config);
        var rows = spec is null ? DrawReservoir(world.Seed, config, layout) : GraphTapSpecReader.Rows(spec, config, layout);
        var entity = world.Create(config, new GraphState());
        world.Names.Set(entity, name);
        ref var state = ref world.Get<GraphState>(entity);
        CreateTables(world, entity, ref state, config, layout, rows);
        state.Cstruct = FillNodes(new GraphArrays(world, state), config, layout, spec, rows);
        state.GammaScale = GraphMath.GammaScale(config, state.Cstruct);
        if (config.Growth)
            GraphShortlist.DrawAll(new GraphArrays(world, state), config, world.Seed, cycle: 0);
        return new GraphBlock(world, entity);
    }

    private static void CreateTables(World world, Entity entity, ref GraphState state, in GraphConfig config, GraphLayout layout,
        List<GraphTap>[] rows)
    {
        int n = layout.NodeCount, h = config.HistoryLength;
        int tapRows = 0;
        for (int i = 0; i < n; i++)
            tapRows += layout.KindOf(i) == GraphNodeKind.Predictor ? config.MaxInDegree : rows[i].Count;
        int predictors = layout.Channels;
        state.Nodes = world.CreateTable(GraphColumns.NodeTable.Set, entity, n);
        state.Rings = world.CreateTable(GraphColumns.RingTable.Set, entity, n * h);
        state.Taps = world.CreateTable(GraphColumns.TapTable.Set, entity, tapRows);
        state.Channels = world.CreateTable(GraphColumns.ChannelTable.Set, entity, layout.Channels);
        state.Candidates = world.CreateTable(GraphColumns.CandidateTable.Set, entity, predictors * config.ShortlistSize);
        state.Windows = world.CreateTable(GraphColumns.WindowTable.Set, entity, predictors * config.ShortlistSize * config.SnrWindows);
        bool log = config.DeltaLog;
        state.DeltaEntries = world.CreateTable(GraphColumns.DeltaEntryTable.Set, entity, log ? n * config.DeltaHorizon : 0);
        state.Events = world.CreateTable(GraphColumns.EventTable.Set, entity);
        state.DeltaStates = world.CreateTable(GraphColumns.DeltaStateTable.Set, entity, log ? n * (config.DeltaHorizon + 1) : 0);
        state.PredictorStart = layout.PredictorStart;
        state.MaxLevel = layout.MaxLevel;
    }

    /// <summary>Writes the nodes, their taps and the channel groups; returns Cstruct.</summary>
    private static int FillNodes(in GraphArrays a, in GraphConfig config, GraphLayout layout, GraphTapSpec? spec, List<GraphTap>[] rows)
    {
        int tap = 0;
        for (int i = 0; i < layout.NodeCount; i++)
        {
            var kind = layout.KindOf(i);
            a.Kind[i] = (byte)kind;
            a.Frequency[i] = 1f;
            a.Channel[i] = kind == GraphNodeKind.Input ? i : kind == GraphNodeKind.Predictor ? i - layout.PredictorStart : -1;
            a.Alpha[i] = kind == GraphNodeKind.Predictor ? 1f : 0f;
            a.ChildA[i] = a.ChildB[i] = a.GroupNext[i] = -1;
            if (kind == GraphNodeKind.Summary)
            {
                var (childA, childB, level) = layout.Summaries[i - layout.SummaryStart];
                (a.ChildA[i], a.ChildB[i], a.Level[i]) = (childA, childB, level);
                a.Frequency[i] = (float)Math.Pow(config.LevelFrequency, level);
            }

            a.TapStart[i] = tap;
            a.TapCount[i] = rows[i].Count;
            a.TapCapacity[i] = kind == GraphNodeKind.Predictor ? config.MaxInDegree : rows[i].Count;
            for (int k = 0; k < rows[i].Count; k++)
            {
                a.TapSource[tap + k] = rows[i][k].Source;
                a.TapLag[tap + k] = (byte)rows[i][k].Lag;
                // +0 for a supplied −0: equal weights have equal bytes.
                a.TapWeight[tap + k] = rows[i][k].Weight + 0f;
            }

            tap += a.TapCapacity[i];
        }

        if (spec is not null)
            GraphTapSpecReader.ApplyScalars(spec, a);
        int cstruct = 0;
        for (int c = 0; c < layout.Channels; c++)
        {
            int g = layout.PredictorStart + c;
            a.FirstPredictor[c] = a.LastPredictor[c] = g;
            a.PredictorCount[c] = 1;
            cstruct += a.TapCount[g];
        }

        return cstruct;
    }

    /// <summary>
    /// The reservoir (graph.md, "Construction"): Hidden node h draws K distinct (source, lag) pairs
    /// from the Inputs and the other Hidden nodes (and the Summaries, when HiddenReadsSummary),
    /// <c>space[(int)(draw(seed, "graph-build", h, 2n) · |space|)]</c>, skipping repeats, with weight
    /// <c>(float)((2 · draw(seed, "graph-build", h, 2n + 1) − 1) · ReservoirScale / √K)</c>.
    /// Predictors start identity-first.
    /// </summary>
    private static List<GraphTap>[] DrawReservoir(ulong seed, in GraphConfig config, GraphLayout layout)
    {
        int h = config.HistoryLength, k = config.HiddenInDegree;
        int readable = layout.Channels + layout.HiddenCount - 1 + (config.HiddenReadsSummary ? layout.Summaries.Length : 0);
        if (layout.HiddenCount > 0 && (long)k > (long)readable * h)
            throw new ModelConfigException(GraphConfig.FieldPath(nameof(GraphConfig.HiddenInDegree)),
                $"GraphConfig.HiddenInDegree {k} exceeds the {readable * (long)h} (source, lag) pairs a Hidden node can read.");
        var rows = GraphTapSpecReader.EmptyRows(config, layout);
        var taken = new HashSet<int>();
        for (int node = layout.HiddenStart; node < layout.SummaryStart; node++)
        {
            taken.Clear();
            int space = readable * h;
            for (long n = 0; rows[node].Count < k; n++)
            {
                int index = (int)(GraphStreams.BuildDraw(seed, node, 2 * n) * space);
                if (!taken.Add(index))
                    continue;
                int ordinal = index / h;
                // Sources in ascending order: Inputs and Hidden nodes except node itself, then the Summaries.
                int source = ordinal + (ordinal >= node ? 1 : 0);
                float weight = (float)((2 * GraphStreams.BuildDraw(seed, node, 2 * n + 1) - 1) * config.ReservoirScale / Math.Sqrt(k));
                rows[node].Add(new GraphTap(source, index % h, weight));
            }

            rows[node].Sort(GraphTapSpecReader.RowOrder);
        }

        return rows;
    }
}
