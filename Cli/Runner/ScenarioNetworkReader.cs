using System.Text.Json;
using System.Text.Json.Nodes;
using GrowNet.Ecs.Components.Network;
using GrowNet.Ecs.Engine.Models;
using GrowNet.Ecs.Systems.Network;
using GrowNet.Ecs.Systems.Pool;

namespace GrowNet.Ecs.Cli.Runner;

/// <summary>
/// Reads the network maps of a scenario (<c>projections</c>, <c>sources</c>, <c>links</c>,
/// <c>modulators</c>; docs/scenarios.md): each entry is its config record from
/// <c>Systems/Network</c>, merged onto the record's defaults like every other entry, validated by the
/// record, and its references to populations, pools and projections checked by name. Ports and
/// ranges need the world; the network plan (<see cref="ScenarioNetwork.Plan"/>) checks them when it builds.
/// </summary>
internal static class ScenarioNetworkReader
{
    /// <summary>The maps, in the order their objects are created.</summary>
    public static readonly string[] Keys = ["projections", "sources", "links", "modulators"];

    /// <summary>
    /// Reads the four maps, writing the defaulted entries of each map the file has into <paramref name="defaulted"/>
    /// (a map the file leaves out stays out, as the reader refuses empty maps).
    /// </summary>
    public static (List<ScenarioEntry<ProjectionEntry>> Projections, List<ScenarioEntry<SourceDefinition>> Sources,
        List<ScenarioEntry<LinkDefinition>> Links, List<ScenarioEntry<ModulatorDefinition>> Modulators)
        Read(JsonObject file, JsonObject defaulted, IReadOnlyList<ScenarioEntry<IPopulationDefinition>> populations)
    {
        var names = populations.ToDictionary(p => p.Name, p => p.Path, StringComparer.Ordinal);
        var pools = populations.Where(p => p.Value is PoolDefinition).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var families = populations.ToDictionary(p => p.Name, p => p.Value.Family, StringComparer.Ordinal);
        var projections = Map(file, "projections", defaulted, (node, path) => ReadProjection(node, path, pools, families, names));
        var sources = Map(file, "sources", defaulted, (node, path) => ReadSource(node, path, names));
        var targets = projections.Select(p => p.Name).Concat(pools).ToHashSet(StringComparer.Ordinal);
        var links = Map(file, "links", defaulted, (node, path) => ReadLink(node, path, names));
        var modulators = Map(file, "modulators", defaulted, (node, path) => ReadModulator(node, path, names, targets));
        return (projections, sources, links, modulators);
    }

    private static (ProjectionEntry Value, JsonObject Defaulted) ReadProjection(JsonObject entry, string path, HashSet<string> pools,
        Dictionary<string, string> families, Dictionary<string, string> names)
    {
        string from = RequiredString(entry, "from", path, "the source pool's name");
        string to = RequiredString(entry, "to", path, "the target pool's name");
        foreach (var (key, pool) in new[] { ("from", from), ("to", to) })
        {
            if (!families.TryGetValue(pool, out string? family))
                throw new ScenarioException($"{path}.{key}", $"no population '{pool}'.");
            if (!pools.Contains(pool))
                throw new ScenarioException($"{path}.{key}", $"'{pool}' is a {family}; projections join pools.");
        }

        CheckItems(entry["synapses"], new ExplicitSynapse(), $"{path}.synapses");
        var definition = ReadRecord<ProjectionDefinition>(entry, path, ["from", "to"], d => d.Validate());
        ClaimName(names, path);
        var defaulted = new JsonObject { ["from"] = from, ["to"] = to };
        Append(defaulted, definition);
        return (new ProjectionEntry(from, to, definition), defaulted);
    }

    private static (SourceDefinition Value, JsonObject Defaulted) ReadSource(JsonObject entry, string path, Dictionary<string, string> names)
    {
        if (entry["family"] is { } family && (family.GetValueKind() != JsonValueKind.String || family.GetValue<string>() != NetworkFamily.FamilyName))
            throw new ScenarioException($"{path}.family", $"a source's family is '{NetworkFamily.FamilyName}' (the key may be left out).");
        CheckAddress(RequiredString(entry, "target", path, "a port address population/port[from..to]"), $"{path}.target", names);
        var definition = ReadRecord<SourceDefinition>(entry, path, ["family"], d => d.Validate());
        ClaimName(names, path);
        var defaulted = new JsonObject();
        Append(defaulted, definition);
        defaulted.Remove("family");
        return (definition, defaulted);
    }

    private static (LinkDefinition Value, JsonObject Defaulted) ReadLink(JsonObject entry, string path, Dictionary<string, string> names)
    {
        CheckAddress(RequiredString(entry, "from", path, "an output port address population/port[from..to]"), $"{path}.from", names);
        CheckAddress(RequiredString(entry, "to", path, "an input port address population/port[from..to]"), $"{path}.to", names);
        var definition = ReadRecord<LinkDefinition>(entry, path, [], d => d.Validate());
        var defaulted = new JsonObject();
        Append(defaulted, definition);
        return (definition, defaulted);
    }

    private static (ModulatorDefinition Value, JsonObject Defaulted) ReadModulator(JsonObject entry, string path, Dictionary<string, string> names,
        HashSet<string> targets)
    {
        string target = RequiredString(entry, "target", path, "a pool or projection name (writePort: an input port address)");
        CheckItems(entry["terms"], new ModulatorTermDefinition(0, 0, ""), $"{path}.terms");
        var definition = ReadRecord<ModulatorDefinition>(entry, path, [], d => d.Validate());
        if (definition.Action == ModulatorAction.WritePort)
            CheckAddress(target, $"{path}.target", names);
        else if (!targets.Contains(target))
            throw new ScenarioException($"{path}.target", $"no pool or projection '{target}'.");
        for (int i = 0; i < definition.Terms.Count; i++)
        {
            var term = definition.Terms[i];
            if (term.A is null)
                throw new ScenarioException($"{path}.terms[{i}].a", "is required (a port address population/port[from..to]).");
            CheckAddress(term.A, $"{path}.terms[{i}].a", names);
            if (term.B is not null)
                CheckAddress(term.B, $"{path}.terms[{i}].b", names);
        }

        var defaulted = new JsonObject();
        Append(defaulted, definition);
        return (definition, defaulted);
    }

    private static List<ScenarioEntry<T>> Map<T>(JsonObject file, string key, JsonObject defaulted, Func<JsonObject, string, (T Value, JsonObject Defaulted)> read)
    {
        var entries = new List<ScenarioEntry<T>>();
        if (file[key] is not { } node)
            return entries;
        var into = new JsonObject();
        defaulted[key] = into;
        foreach (var (name, value) in ScenarioJson.RequireObject(node, $"$.{key}"))
        {
            string path = $"$.{key}.{name}";
            CheckName(name, path);
            var (record, entry) = read(ScenarioJson.RequireObject(value, path), path);
            into[name] = entry;
            entries.Add(new ScenarioEntry<T>(name, path, record));
        }

        return entries;
    }

    /// <summary>
    /// Network objects write no files, so their names need not be file stems (<c>in->X</c> is fine),
    /// but a source's name starts port addresses: no '/', '[', ']' or control characters.
    /// </summary>
    private static void CheckName(string name, string path)
    {
        if (name.Length is 0 or > 100 || name.Any(c => char.IsControl(c) || c is '/' or '[' or ']'))
            throw new ScenarioException(path, $"'{name}' is not a usable name: 1..100 characters, none of them '/', '[', ']' or control characters.");
    }

    private static T ReadRecord<T>(JsonObject entry, string path, string[] ignoredKeys, Action<T> validate)
    {
        var merged = ScenarioJson.MergeOntoDefaults(entry, typeof(T), path, ignoredKeys);
        var record = ScenarioJson.Read<T>(merged, path);
        ScenarioJson.Validate(() => validate(record), path);
        return record;
    }

    private static string RequiredString(JsonObject entry, string key, string path, string what)
    {
        if (entry[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>().Length > 0)
            return value.GetValue<string>();
        throw new ScenarioException($"{path}.{key}", entry[key] is null ? $"is required ({what})." : $"must be {what}, not {ScenarioJson.Kind(entry[key])}.");
    }

    /// <summary>The address parses and names a population or source of the scenario.</summary>
    private static void CheckAddress(string address, string path, Dictionary<string, string> names)
    {
        PortAddress parsed;
        try
        {
            parsed = PortAddress.Parse(address);
        }
        catch (FormatException error)
        {
            throw new ScenarioException(path, error.Message);
        }

        if (!names.TryGetValue(parsed.Population, out string? declared) || declared.StartsWith("$.projections.", StringComparison.Ordinal))
            throw new ScenarioException(path, $"no population '{parsed.Population}'.");
    }

    /// <summary>Projections and sources share the population name space (sources are populations; modulators name projections).</summary>
    private static void ClaimName(Dictionary<string, string> names, string path)
    {
        string name = path[(path.IndexOf('.', 2) + 1)..];
        if (!names.TryAdd(name, path))
            throw new ScenarioException(path, $"the name '{name}' is taken by {names[name]}.");
    }

    /// <summary>Array items (terms, explicit synapses) are checked for unknown keys, which deserialization alone would ignore.</summary>
    private static void CheckItems<T>(JsonNode? array, T sample, string path)
    {
        if (array is not JsonArray items)
            return;
        var known = JsonSerializer.SerializeToNode(sample, ScenarioJson.Options)!.AsObject().Select(p => p.Key).ToArray();
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonObject item)
                throw new ScenarioException($"{path}[{i}]", $"must be an object, not {ScenarioJson.Kind(items[i])}.");
            foreach (var (key, _) in item)
                if (Array.IndexOf(known, key) < 0)
                    throw new ScenarioException($"{path}[{i}].{key}", $"unknown key; known keys: {string.Join(", ", known)}.");
        }
    }

    private static void Append<T>(JsonObject into, T record)
    {
        foreach (var (key, value) in JsonSerializer.SerializeToNode(record, ScenarioJson.Options)!.AsObject())
            if (!into.ContainsKey(key))
                into[key] = value?.DeepClone();
    }
}
