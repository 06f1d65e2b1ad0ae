using System.Text;
using GrowNet.Ecs.Components.Network;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Engine.Models;
using GrowNet.Ecs.Systems.Pool;

namespace GrowNet.Ecs.Systems.Network;

/// <summary>
/// Builds networks (network.md): projections between pools, links between any ports, sources and
/// modulators — all of them world state, saved in <c>.gnw</c> files. Every call checks
/// everything first (addresses, ranges, lengths, delays, numbers) and throws an exception naming
/// the bad item before anything is created. Call between ticks.
/// </summary>
public static class NetworkBuilder
{
    /// <summary>Creates projection <paramref name="name"/> from pool <paramref name="from"/> to pool <paramref name="to"/> (by name).</summary>
    /// <exception cref="ArgumentException">A name is unknown or not a pool, or the name is taken.</exception>
    /// <exception cref="ModelConfigException">The definition is invalid for these pools.</exception>
    public static Projection Connect(World world, string name, string from, string to, ProjectionDefinition definition)
        => Connect(world, name, PoolNamed(world, from, "from"), PoolNamed(world, to, "to"), definition);

    /// <summary>Creates projection <paramref name="name"/> from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static Projection Connect(World world, string name, NeuronPool from, NeuronPool to, ProjectionDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (from.World != world || to.World != world)
            throw new ArgumentException("Both pools must live in the world the projection is created in.");
        return ProjectionBuilder.Create(world, name, from, to, definition);
    }

    /// <summary>Creates a link; returns its entity.</summary>
    /// <exception cref="ArgumentException">An address is unknown, a range lies outside its port, or the lengths do not match.</exception>
    /// <exception cref="ModelConfigException">A field is invalid.</exception>
    public static Entity Link(World world, LinkDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(definition);
        world.ThrowIfIterating();
        definition.Validate();
        var (_, from, _) = PortResolver.Resolve(world, definition.From, PortDirection.Output, "link 'from'");
        var (_, to, _) = PortResolver.Resolve(world, definition.To, PortDirection.Input, "link 'to'");
        if (definition.Map == LinkMap.Elementwise && from.Length != to.Length)
            throw new ArgumentException($"link {definition.From} → {definition.To}: an elementwise link needs equal lengths; the source range has {from.Length} elements, the target range {to.Length}.", nameof(definition));
        var state = new LinkState
        {
            From = from,
            To = to,
            Map = definition.Map,
            Reduce = definition.Reduce,
            Write = definition.Write,
            Flags = (byte)((definition.Ema != null ? LinkState.EmaFlag : 0) | (definition.ClampMin != null || definition.ClampMax != null ? LinkState.ClampFlag : 0)),
            EmaRate = definition.Ema ?? 0,
            Gain = definition.Gain,
            Offset = definition.Offset,
            ClampMin = definition.ClampMin ?? double.NegativeInfinity,
            ClampMax = definition.ClampMax ?? double.PositiveInfinity,
        };
        state.Order = NetworkRegistry.TakeOrder(world);
        var entity = definition.Threshold is { } threshold ? world.Create(state, new LinkThreshold { Value = threshold }) : world.Create(state);
        world.Get<LinkState>(entity).Values = world.CreateTable(NetworkColumns.LinkValues.Set, entity, definition.Map == LinkMap.Elementwise ? from.Length : 1);
        return entity;
    }

    /// <summary>Creates source <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">The target is unknown or out of range, or the name is taken.</exception>
    /// <exception cref="ModelConfigException">A field is invalid (frame lengths, file contents, parameters).</exception>
    public static SignalSource AddSource(World world, string name, SourceDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(definition);
        world.ThrowIfIterating();
        definition.Validate();
        NetworkNames.ThrowIfTaken(world, name);
        var (_, to, _) = PortResolver.Resolve(world, definition.Target, PortDirection.Input, $"source '{name}' target");
        double[] frames = [];
        int frameCount = 0;
        byte[] sha = new byte[32];
        if (definition.Kind == SourceKind.Sequence)
        {
            frames = new double[definition.Frames.Count * to.Length];
            for (int f = 0; f < definition.Frames.Count; f++)
            {
                if (definition.Frames[f].Length != to.Length)
                    throw new ModelConfigException($"frames[{f}]", $"has {definition.Frames[f].Length} values; the target range {definition.Target} has {to.Length}.");
                definition.Frames[f].CopyTo(frames, f * to.Length);
            }

            frameCount = definition.Frames.Count;
        }
        else if (definition.Kind == SourceKind.File)
        {
            (frames, frameCount, sha) = SourceFiles.Load(definition.Path!, definition.Column, to.Length);
        }

        var state = new SourceState
        {
            To = to, Kind = definition.Kind, Write = definition.Write,
            P0 = definition.P0, P1 = definition.P1, P2 = definition.P2, P3 = definition.P3,
            Start = definition.Start, Stop = definition.Stop, Every = definition.Every, Hold = definition.Hold, FrameCount = frameCount,
            Sha0 = BitConverter.ToUInt64(sha, 0), Sha1 = BitConverter.ToUInt64(sha, 8), Sha2 = BitConverter.ToUInt64(sha, 16), Sha3 = BitConverter.ToUInt64(sha, 24),
        };
        state.Order = NetworkRegistry.TakeOrder(world);
        var entity = world.Create(state);
        world.Names.Set(entity, name);
        byte[] path = Encoding.UTF8.GetBytes(definition.Kind == SourceKind.File ? Path.GetFullPath(definition.Path!) : "");
        ref var created = ref world.Get<SourceState>(entity);
        created.Values = world.CreateTable(NetworkColumns.SourceValues.Set, entity, to.Length);
        created.Frames = world.CreateTable(NetworkColumns.SourceFrames.Set, entity, frames.Length);
        created.Path = world.CreateTable(NetworkColumns.SourcePaths.Set, entity, path.Length);
        frames.CopyTo(world.GetTable(created.Frames).Span(NetworkColumns.SourceFrame));
        path.CopyTo(world.GetTable(created.Path).Span(NetworkColumns.SourcePath));
        return new SignalSource(world, entity);
    }

    /// <summary>Creates a modulator; returns its entity.</summary>
    /// <exception cref="ArgumentException">The target or a term's address is unknown or of the wrong kind.</exception>
    /// <exception cref="ModelConfigException">A field is invalid.</exception>
    public static Entity AddModulator(World world, ModulatorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(definition);
        world.ThrowIfIterating();
        definition.Validate();
        var state = new ModulatorState
        {
            Action = definition.Action, Start = definition.Start, Stop = definition.Stop, Every = definition.Every,
            Constant0 = definition.Constant0, Constant1 = definition.Constant1,
        };
        if (definition.Action == ModulatorAction.WritePort)
            state.Port = PortResolver.Resolve(world, definition.Target, PortDirection.Input, "modulator target").Port;
        else
            state.Target = PlasticTarget(world, definition.Target);
        var terms = new ModulatorTerm[definition.Terms.Count];
        for (int i = 0; i < terms.Length; i++)
        {
            var term = definition.Terms[i];
            terms[i] = new ModulatorTerm
            {
                Level = (byte)term.Level, Coefficient = term.Coefficient, ReduceA = term.ReduceA, ReduceB = term.ReduceB,
                A = PortResolver.Resolve(world, term.A, null, $"modulator terms[{i}].a").Port,
            };
            if (term.B != null)
            {
                terms[i].B = PortResolver.Resolve(world, term.B, null, $"modulator terms[{i}].b").Port;
                terms[i].Flags = ModulatorTerm.HasSecondFactor;
            }
        }

        state.Order = NetworkRegistry.TakeOrder(world);
        var entity = world.Create(state);
        ref var created = ref world.Get<ModulatorState>(entity);
        created.Terms = world.CreateTable(NetworkColumns.ModulatorTerms.Set, entity, terms.Length);
        terms.CopyTo(world.GetTable(created.Terms).Span(NetworkColumns.Terms));
        return entity;
    }

    /// <summary>
    /// Removes <paramref name="entity"/> (a population or a network object) and every projection,
    /// link, source and modulator that refers to it.
    /// </summary>
    public static void Remove(World world, Entity entity)
    {
        ArgumentNullException.ThrowIfNull(world);
        world.ThrowIfIterating();
        if (!world.IsAlive(entity))
            throw new ArgumentException($"{entity} is not alive.", nameof(entity));
        world.Destroy(entity);
        NetworkRegistry.Bump(world);
        NetworkRemoval.RemoveOrphans(world);
    }

    /// <summary>Every projection, in creation order.</summary>
    public static IReadOnlyList<Projection> Projections(World world) => Projection.All(world);

    /// <summary><c>population/port[from..to]</c> of a stored port reference.</summary>
    public static string Address(World world, PortRef port)
    {
        if (!world.IsAlive(port.Population))
            return $"{port.Population}/#{port.Port}[{port.Start}..{port.Start + port.Length}]";
        var population = ModelFamilies.Catalog.Populations(world).FirstOrDefault(p => p.Entity == port.Population);
        string name = population?.Name ?? world.Names.Get(port.Population);
        string portName = population != null && port.Port < population.PortCount ? population.Port(port.Port).Name : $"#{port.Port}";
        return $"{name}/{portName}[{port.Start}..{port.Start + port.Length}]";
    }

    /// <summary>One line per projection, link and modulator (sources are populations and describe themselves).</summary>
    public static IEnumerable<string> Describe(World world)
    {
        foreach (var projection in Projection.All(world))
            yield return $"projection '{projection.Name}': pool '{projection.Source.Name}' → pool '{projection.Target.Name}', {projection.SynapseCount} synapses, tick {projection.TickCount}";
        var runtime = new NetworkRuntime();
        runtime.Refresh(world);
        foreach (var link in runtime.Links)
        {
            var state = world.Get<LinkState>(link);
            yield return $"link {Address(world, state.From)} → {Address(world, state.To)} ({state.Map}, {state.Write})";
        }

        foreach (var modulator in runtime.Modulators)
        {
            var state = world.Get<ModulatorState>(modulator);
            string target = state.Action == ModulatorAction.WritePort ? Address(world, state.Port) : world.Names.Get(state.Target);
            yield return $"modulator {state.Action} → {target}, every {state.Every} from tick {state.Start}, {world.GetTable(state.Terms).Count} terms";
        }
    }

    private static NeuronPool PoolNamed(World world, string name, string role)
    {
        var population = ModelFamilies.Catalog.Find(world, name) ?? throw new ArgumentException($"projection '{role}': no population '{name}'.", role);
        return population as NeuronPool ?? throw new ArgumentException($"projection '{role}': {population} is not a pool; projections join pools.", role);
    }

    private static Entity PlasticTarget(World world, string name)
    {
        var projection = Projection.Find(world, name);
        if (projection != null)
            return projection.Entity;
        var population = ModelFamilies.Catalog.Find(world, name)
            ?? throw new ArgumentException($"modulator target: no pool or projection '{name}'.", nameof(name));
        return population is NeuronPool pool
            ? pool.Entity
            : throw new ArgumentException($"modulator target: {population} is not a pool or a projection; use WritePort for its input ports.", nameof(name));
    }
}
