using GrowNet.Ecs.Components.Network;
using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Engine.Models;

namespace GrowNet.Ecs.Systems.Network;

/// <summary>
/// What every network object must satisfy before a loaded world may tick (docs/network.md): live
/// endpoints of the right kind, owned tables of the right shape, CSR rows inside the store,
/// targets inside the target pool, delays inside its ring, port references inside their ports,
/// finite numbers, file sources whose file is unchanged. Each failure names the object.
/// </summary>
public static class NetworkInvariants
{
    /// <summary>Throws <see cref="InvalidDataException"/> naming the first violated invariant.</summary>
    public static void Validate(World world)
    {
        var populations = ModelFamilies.Catalog.Populations(world).ToDictionary(p => p.Entity);
        int states = 0;
        var network = default(NetworkState);
        foreach (var table in world.Query(ComponentSet.Of<NetworkState>()))
        {
            states += table.Count;
            if (table.Count > 0)
                network = table.Span<NetworkState>()[0];
        }

        Require(states <= 1, "network", $"has {states} bookkeeping entities (at most 1)");
        foreach (var projection in Projection.All(world))
            ValidateProjection(world, projection, network);
        foreach (var (entity, link) in All<LinkState>(world))
        {
            string name = $"link {entity}";
            Require(link.Order < network.NextOrder, name, "has an order number that was never given out");
            CheckPort(populations, link.From, PortDirection.Output, name + " 'from'");
            CheckPort(populations, link.To, PortDirection.Input, name + " 'to'");
            Require(Enum.IsDefined(link.Map) && Enum.IsDefined(link.Reduce) && Enum.IsDefined(link.Write), name, "has an unknown map, reduction or write mode");
            Require(link.Map != LinkMap.Elementwise || link.From.Length == link.To.Length, name, "is elementwise between ranges of different lengths");
            Require(double.IsFinite(link.Gain) && double.IsFinite(link.Offset) && !double.IsNaN(link.EmaRate) && !double.IsNaN(link.ClampMin) && !double.IsNaN(link.ClampMax),
                name, "holds a number that is not finite");
            Require(link.EmaRate is >= 0 and <= 1, name, $"has EMA rate {link.EmaRate} outside [0, 1]");
            Require(!world.Has<LinkThreshold>(entity) || double.IsFinite(world.Get<LinkThreshold>(entity).Value), name, "has a threshold that is not finite");
            CheckTable(world, entity, link.Values, NetworkColumns.LinkValues, link.Map == LinkMap.Elementwise ? link.From.Length : 1, name);
        }

        foreach (var (entity, source) in All<SourceState>(world))
            ValidateSource(world, populations, entity, source, network);
        foreach (var (entity, modulator) in All<ModulatorState>(world))
            ValidateModulator(world, populations, entity, modulator, network);
    }

    private static void ValidateProjection(World world, Projection projection, in NetworkState network)
    {
        var state = projection.State;
        var config = projection.Config;
        string name = $"projection '{projection.Name}' ({projection.Entity})";
        Require(IsPool(world, state.Source) && IsPool(world, state.Target), name, "does not join two live pools");
        Require(state.Index >= 0 && state.Index < network.NextProjectionIndex && state.Order < network.NextOrder, name, "has an index or order that was never given out");
        int sourceCells = world.GetTable(world.Get<PoolState>(state.Source).Cells).Count;
        int targetCells = world.GetTable(world.Get<PoolState>(state.Target).Cells).Count;
        byte ring = world.Get<PoolConfig>(state.Target).MaxDelay;
        Require(config.MaxDelay >= 1 && config.MaxDelay <= ring, name, $"has max delay {config.MaxDelay}, outside 1..{ring} (the target's ring)");
        CheckTable(world, projection.Entity, state.Rows, NetworkColumns.ProjectionRows, sourceCells, name);
        CheckTable(world, projection.Entity, state.Synapses, NetworkColumns.ProjectionSynapses, -1, name);
        var rowStart = projection.RowStart;
        var stamps = projection.Stamps;
        var synapses = projection.RawSynapses;
        uint previous = 0;
        for (int row = 0; row < rowStart.Length; row++)
        {
            Require(rowStart[row] >= previous && rowStart[row] <= synapses.Length, name, $"row {row} starts at {rowStart[row]}, outside {previous}..{synapses.Length}");
            Require(stamps[row] <= state.TickCount, name, $"row {row} has an eligibility stamp after the projection's tick");
            previous = rowStart[row];
        }

        Require(rowStart.Length == 0 || rowStart[0] == 0, name, "row 0 does not start at 0");
        for (int s = 0; s < synapses.Length; s++)
        {
            Require(synapses[s].Target < targetCells, name, $"synapse {s} targets cell {synapses[s].Target}, outside the target pool (N = {targetCells})");
            Require(synapses[s].Delay >= 1 && synapses[s].Delay <= config.MaxDelay, name, $"synapse {s} has delay {synapses[s].Delay}, outside 1..{config.MaxDelay}");
        }

        bool sorted = true;
        for (int row = 0; row < rowStart.Length && sorted; row++)
            sorted = Pool.SynapseStorePlasticity.RowIsSorted(synapses, rowStart, row);
        Require(state.RowsSorted <= 1 && (state.RowsSorted == 0 || sorted), name, "claims ordered rows that are not");
    }

    private static void ValidateSource(World world, Dictionary<Entity, Population> populations, Entity entity, in SourceState source, in NetworkState network)
    {
        string name = $"source '{world.Names.Get(entity)}'";
        Require(source.Order < network.NextOrder, name, "has an order number that was never given out");
        Require(Enum.IsDefined(source.Kind) && Enum.IsDefined(source.Write), name, "has an unknown kind or write mode");
        CheckPort(populations, source.To, PortDirection.Input, name + " target");
        Require(source.Every >= 1 && source.Stop > source.Start && source.Hold >= 1, name, "has an empty schedule or hold");
        Require(double.IsFinite(source.P0) && double.IsFinite(source.P1) && double.IsFinite(source.P2) && double.IsFinite(source.P3), name, "holds a parameter that is not finite");
        Require(source.Kind is not (SourceKind.Sine or SourceKind.Square) || source.P1 > 0, name, "has a period ≤ 0");
        bool framed = source.Kind is SourceKind.Sequence or SourceKind.File;
        Require(!framed || source.FrameCount >= 1, name, "has no frames");
        CheckTable(world, entity, source.Values, NetworkColumns.SourceValues, source.To.Length, name);
        CheckTable(world, entity, source.Frames, NetworkColumns.SourceFrames, framed ? source.FrameCount * source.To.Length : 0, name);
        CheckTable(world, entity, source.Path, NetworkColumns.SourcePaths, -1, name);
        if (source.Kind == SourceKind.File)
            CheckFile(world, source, name);
    }

    private static void CheckFile(World world, in SourceState source, string name)
    {
        string path = System.Text.Encoding.UTF8.GetString(world.GetTable(source.Path).Span(NetworkColumns.SourcePath));
        var hash = SourceFiles.HashOrNull(path) ?? throw new InvalidDataException($"{name} reads file '{path}', which cannot be read now.");
        bool same = BitConverter.ToUInt64(hash, 0) == source.Sha0 && BitConverter.ToUInt64(hash, 8) == source.Sha1
            && BitConverter.ToUInt64(hash, 16) == source.Sha2 && BitConverter.ToUInt64(hash, 24) == source.Sha3;
        Require(same, name, $"reads file '{path}', whose SHA-256 ({Convert.ToHexString(hash)}) differs from the one saved with the world: the file changed");
    }

    private static void ValidateModulator(World world, Dictionary<Entity, Population> populations, Entity entity, in ModulatorState modulator, in NetworkState network)
    {
        string name = $"modulator {entity}";
        Require(modulator.Order < network.NextOrder, name, "has an order number that was never given out");
        Require(Enum.IsDefined(modulator.Action), name, "has an unknown action");
        Require(modulator.Every >= 1 && modulator.Stop > modulator.Start, name, "has an empty schedule");
        Require(double.IsFinite(modulator.Constant0) && double.IsFinite(modulator.Constant1), name, "holds a constant that is not finite");
        if (modulator.Action == ModulatorAction.WritePort)
            CheckPort(populations, modulator.Port, PortDirection.Input, name + " port");
        else
            Require(IsPool(world, modulator.Target) || (world.IsAlive(modulator.Target) && world.Has<ProjectionState>(modulator.Target)), name, "targets neither a live pool nor a projection");
        CheckTable(world, entity, modulator.Terms, NetworkColumns.ModulatorTerms, -1, name);
        var terms = world.GetTable(modulator.Terms).Span(NetworkColumns.Terms);
        for (int i = 0; i < terms.Length; i++)
        {
            string item = $"{name} term {i}";
            Require(terms[i].Level <= (modulator.Action == ModulatorAction.Modulate ? 1 : 0) && terms[i].Flags <= ModulatorTerm.HasSecondFactor, item, "has an unknown level or flag");
            Require(Enum.IsDefined(terms[i].ReduceA) && Enum.IsDefined(terms[i].ReduceB) && double.IsFinite(terms[i].Coefficient), item, "has an unknown reduction or a coefficient that is not finite");
            CheckPort(populations, terms[i].A, null, item + " a");
            if ((terms[i].Flags & ModulatorTerm.HasSecondFactor) != 0)
                CheckPort(populations, terms[i].B, null, item + " b");
        }
    }

    private static PortDescriptor CheckPort(Dictionary<Entity, Population> populations, in PortRef port, PortDirection? direction, string name)
    {
        if (!populations.TryGetValue(port.Population, out var population))
            throw new InvalidDataException($"{name} refers to {port.Population}, which is not a live population.");
        Require(port.Port >= 0 && port.Port < population.PortCount, name, $"refers to port {port.Port} of {population}, which has {population.PortCount}");
        var descriptor = population.Port(port.Port);
        Require(direction == null || descriptor.Direction == direction, name, $"refers to port {population.Name}/{descriptor.Name}, which is an {descriptor.Direction}");
        Require(port.Start >= 0 && port.Length >= 1 && port.Start <= descriptor.Length - port.Length, name,
            $"range [{port.Start}..{(long)port.Start + port.Length}) lies outside {population.Name}/{descriptor.Name} of length {descriptor.Length}");
        return descriptor;
    }

    private static void CheckTable(World world, Entity owner, TableHandle handle, TableDeclaration declaration, int rows, string name)
    {
        Require(world.IsAlive(handle) && world.GetTable(handle).Owner == owner, name, $"refers to a {declaration.Name} table it does not own");
        var table = world.GetTable(handle);
        Require(table.Set.IsSupersetOf(declaration.Set), name, $"has a {declaration.Name} table without its columns");
        Require(rows < 0 || table.Count == rows, name, $"has a {declaration.Name} table of {table.Count} rows; {rows} expected");
    }

    private static bool IsPool(World world, Entity entity) => world.IsAlive(entity) && world.Has<PoolState>(entity) && world.Has<PoolConfig>(entity);

    private static List<(Entity Entity, T State)> All<T>(World world) where T : unmanaged, IComponent
    {
        var found = new List<(Entity, T)>();
        foreach (var table in world.Query(ComponentSet.Of<T>()))
        {
            var states = table.Span<T>();
            for (int row = 0; row < table.Count; row++)
                found.Add((table.Entities[row], states[row]));
        }

        return found;
    }

    private static void Require(bool condition, string item, string problem)
    {
        if (!condition)
            throw new InvalidDataException($"{item} {problem}.");
    }
}
