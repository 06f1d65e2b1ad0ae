using GrowNet.Ecs.Components.Network;
using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Engine.Models;
using GrowNet.Ecs.Systems.Pool;

namespace GrowNet.Ecs.Systems.Network;

/// <summary>Builds projections: validates everything first, then creates the entity and its two tables.</summary>
internal static class ProjectionBuilder
{
    /// <summary>Random stream of the projection generators; a projection draws from stream + its index.</summary>
    public const ulong Stream = 0x50726F6A_53746400UL; // "ProjStd\0"

    public static Projection Create(World world, string name, NeuronPool source, NeuronPool target, ProjectionDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        world.ThrowIfIterating();
        definition.Validate();
        NetworkNames.ThrowIfTaken(world, name);
        var targetConfig = target.Config;
        int maxDelay = definition.MaxDelay == 0 ? targetConfig.MaxDelay : definition.MaxDelay;
        if (maxDelay > targetConfig.MaxDelay)
            throw new ModelConfigException("maxDelay",
                $"is {maxDelay}, but target pool '{target.Name}' has a ring of {targetConfig.MaxDelay} slots; a delay cannot exceed it.");
        var config = new ProjectionConfig
        {
            StdpPositive = definition.StdpPositive ?? targetConfig.StdpPositive,
            StdpNegative = definition.StdpNegative ?? targetConfig.StdpNegative,
            TraceDecay = definition.TraceDecay ?? targetConfig.TraceDecay,
            MaxSynapsesPerNeuron = definition.MaxSynapsesPerNeuron ?? targetConfig.MaxSynapsesPerNeuron,
            MaxDelay = (byte)maxDelay,
        };
        int index = PeekProjectionIndex(world);
        var rows = Generate(world.Seed, index, source, target, definition, config);

        var entity = world.Create(config, new ProjectionState());
        world.Names.Set(entity, name);
        ref var state = ref world.Get<ProjectionState>(entity);
        state.Source = source.Entity;
        state.Target = target.Entity;
        state.Index = NetworkRegistry.TakeProjectionIndex(world);
        state.Order = NetworkRegistry.TakeOrder(world);
        state.Rows = world.CreateTable(NetworkColumns.ProjectionRows.Set, entity, source.CellCount);
        state.Synapses = world.CreateTable(NetworkColumns.ProjectionSynapses.Set, entity, rows.Count);
        state.RowsSorted = 1;
        var projection = new Projection(world, entity);
        rows.Synapses.CopyTo(projection.RawSynapses);
        rows.RowStart[..source.CellCount].CopyTo(projection.RowStart);
        if (definition.Generator == ProjectionGenerator.Explicit)
            projection.RefreshRowOrder();
        return projection;
    }

    private static int PeekProjectionIndex(World world)
    {
        foreach (var table in world.Query(ComponentSet.Of<NetworkState>()))
            if (table.Count > 0)
                return table.Span<NetworkState>()[0].NextProjectionIndex;
        return 0;
    }

    private static SynapseRows Generate(ulong seed, int index, NeuronPool source, NeuronPool target, ProjectionDefinition definition,
        in ProjectionConfig config)
    {
        int sources = source.CellCount, targets = target.CellCount;
        bool same = source.Entity == target.Entity;
        var shape = new StandardGenerator.Shape(seed, Stream + (ulong)index, sources, targets, 0, source.View().Flags.ToArray(),
            config.MaxDelay, SkipSelf: same);
        switch (definition.Generator)
        {
            case ProjectionGenerator.Bernoulli:
                return StandardGenerator.Bernoulli(shape, definition.Density);
            case ProjectionGenerator.FixedOutDegree:
                if (definition.Degree > shape.Candidates)
                    throw new ModelConfigException("degree", $"is {definition.Degree}; a cell of '{source.Name}' has only {shape.Candidates} possible targets in '{target.Name}'.");
                return StandardGenerator.FixedOutDegree(shape, definition.Degree);
            case ProjectionGenerator.FixedInDegree:
                int candidates = same ? sources - 1 : sources;
                if (definition.Degree > candidates)
                    throw new ModelConfigException("degree", $"is {definition.Degree}; a cell of '{target.Name}' has only {candidates} possible sources in '{source.Name}'.");
                return StandardGenerator.FixedInDegree(shape, definition.Degree);
            case ProjectionGenerator.Explicit:
                return ExplicitRows(source, target, definition.Synapses, config.MaxDelay);
            default:
                var empty = new SynapseRows(sources);
                empty.Complete();
                return empty;
        }
    }

    private static SynapseRows ExplicitRows(NeuronPool source, NeuronPool target, IReadOnlyList<ExplicitSynapse> synapses, byte maxDelay)
    {
        var flags = source.View().Flags;
        for (int i = 0; i < synapses.Count; i++)
        {
            var s = synapses[i];
            if ((uint)s.Source >= (uint)source.CellCount)
                throw new ModelConfigException(Item(i), $"source {s.Source} is outside pool '{source.Name}' (cells 0..{source.CellCount - 1}).");
            if ((uint)s.Target >= (uint)target.CellCount)
                throw new ModelConfigException(Item(i), $"target {s.Target} is outside pool '{target.Name}' (cells 0..{target.CellCount - 1}).");
            if (s.Delay < 1 || s.Delay > maxDelay)
                throw new ModelConfigException(Item(i), $"delay {s.Delay} is outside 1..{maxDelay} (the projection's max delay, at most the target's ring).");
            bool inhibitory = (flags[s.Source] & 1) != 0;
            if (inhibitory ? s.Weight > 0 : s.Weight < 0)
                throw new ModelConfigException(Item(i), $"weight {s.Weight} breaks Dale's law: source cell {s.Source} is {(inhibitory ? "inhibitory" : "excitatory")}.");
        }

        // Stable by source: the given order within a row is kept.
        var ordered = synapses.Select((s, i) => (s, i)).OrderBy(p => p.s.Source).ThenBy(p => p.i).Select(p => p.s).ToList();
        var rows = new SynapseRows(source.CellCount, ordered.Count);
        foreach (var s in ordered)
        {
            rows.BeginRow(s.Source);
            rows.Add(new Synapse((ushort)s.Target, s.Weight, s.Delay, 0, Maturity.New));
        }

        rows.Complete();
        return rows;
    }

    /// <summary>The config path of explicit synapse <paramref name="index"/> (built only for an error).</summary>
    private static string Item(int index) => $"synapses[{index}]";
}
