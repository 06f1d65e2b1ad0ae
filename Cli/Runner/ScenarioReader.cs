using System.Text.Json;
using System.Text.Json.Nodes;
using GrowNet.Ecs.Engine.Models;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Network;

namespace GrowNet.Ecs.Cli.Runner;

/// <summary>
/// Reads and validates a scenario file before anything runs: unknown keys, wrong types, missing
/// required fields, out-of-range values and unknown references are reported as a
/// <see cref="ScenarioException"/> naming the JSON path.
/// </summary>
public static class ScenarioReader
{
    private static readonly string[] Keys =
        ["version", "run", "output", "report", "populations", "projections", "sources", "links", "modulators", "placement", "inputs", "recordings", "checkpoints"];

    /// <summary>Reads the scenario file at <paramref name="path"/>, applying <c>--set PATH=VALUE</c> overrides first.</summary>
    /// <exception cref="ScenarioException">The scenario is invalid.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static Scenario ReadFile(string path, IEnumerable<string>? overrides = null)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"Scenario file '{path}' not found.", path);
        return Parse(File.ReadAllText(path), overrides);
    }

    /// <summary>Parses scenario JSON text, applying <c>PATH=VALUE</c> overrides first.</summary>
    /// <exception cref="ScenarioException">The scenario is invalid.</exception>
    public static Scenario Parse(string text, IEnumerable<string>? overrides = null)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException error)
        {
            throw new ScenarioException("$", $"is not valid JSON ({error.Message})");
        }
        catch (ArgumentException error)
        {
            throw new ScenarioException("$", $"has a duplicate key ({error.Message})");
        }

        var file = ScenarioJson.RequireObject(root, "$");
        foreach (string assignment in overrides ?? [])
            ScenarioOverrides.Apply(file, assignment);
        return Build(file);
    }

    private static Scenario Build(JsonObject file)
    {
        foreach (var (key, _) in file)
        {
            // An empty network map is refused: a file that names one without entries is most likely wrong.
            if (Array.IndexOf(ScenarioNetworkReader.Keys, key) >= 0 && file[key] is JsonObject { Count: 0 })
                throw new ScenarioException($"$.{key}", "is empty; leave it out or give it entries.");
            if (Array.IndexOf(Keys, key) < 0)
                throw new ScenarioException($"$.{key}", $"unknown key; known keys: {string.Join(", ", Keys)}.");
        }

        CheckVersion(file["version"]);
        var defaulted = new JsonObject { ["version"] = Scenario.CurrentVersion };
        var run = Record<RunSettings>(file["run"] ?? throw new ScenarioException("$.run", "is required (ticks, seed, threads)."), "$.run", defaulted, "run", r => r.Validate());
        var output = Record<OutputSettings>(file["output"] ?? new JsonObject(), "$.output", defaulted, "output", o => o.Validate());
        string? report = ReadReport(file["report"]);
        defaulted["report"] = report;

        var populations = Map(file, "populations", defaulted, ReadPopulation);
        var (projections, sources, links, modulators) = ScenarioNetworkReader.Read(file, defaulted, populations);
        var placement = ReadPlacement(file["placement"], populations.Select(p => p.Name).ToHashSet(StringComparer.Ordinal), defaulted);
        // Sources are populations of the network family: inputs and recordings may name them.
        var names = populations.Select(p => p.Name).Concat(sources.Select(s => s.Name)).ToHashSet(StringComparer.Ordinal);
        var inputs = Map(file, "inputs", defaulted, (node, path, into) =>
            CheckReference(Record<InputDefinition>(node, path, into, null, i => i.Validate()), names, path));
        var recordings = Map(file, "recordings", defaulted, (node, path, into) =>
            CheckReference(Record<RecordingDefinition>(node, path, into, null, r => r.Validate()), names, path));
        var checkpoints = Map(file, "checkpoints", defaulted, (node, path, into) =>
            Record<CheckpointDefinition>(node, path, into, null, c => c.Validate()));
        CheckStems(recordings, checkpoints, report);
        return new Scenario(defaulted, run, output, report, populations, inputs, recordings, checkpoints,
            new ScenarioNetwork(projections, sources, links, modulators, placement));
    }

    private static void CheckVersion(JsonNode? node)
    {
        if (node is null)
            throw new ScenarioException("$.version", $"is required (this build reads version {Scenario.CurrentVersion}).");
        if (node.GetValueKind() != JsonValueKind.Number || !node.AsValue().TryGetValue(out int version) || version != Scenario.CurrentVersion)
            throw new ScenarioException("$.version", $"is {node.ToJsonString()}; this build reads version {Scenario.CurrentVersion}.");
    }

    private static string? ReadReport(JsonNode? node)
    {
        if (node is null)
            return null;
        if (node.GetValueKind() != JsonValueKind.String)
            throw new ScenarioException("$.report", $"must be a file name (a string), not {ScenarioJson.Kind(node)}.");
        string name = node.GetValue<string>();
        if (!name.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || name.IndexOfAny(['/', '\\']) >= 0)
            throw new ScenarioException("$.report", $"'{name}' must be a file name ending in .html (written inside the output folder).");
        return name;
    }

    private static T Record<T>(JsonNode node, string path, JsonObject into, string? key, Action<T> validate)
    {
        var merged = ScenarioJson.MergeOntoDefaults(node, typeof(T), path);
        var record = ScenarioJson.Read<T>(merged, path);
        ScenarioJson.Validate(() => validate(record), path);
        into[key ?? path[(path.LastIndexOf('.') + 1)..]] = merged;
        return record;
    }

    private static IPopulationDefinition ReadPopulation(JsonNode node, string path, JsonObject into)
    {
        var entry = ScenarioJson.RequireObject(node, path);
        if (entry["family"] is not JsonValue familyNode || familyNode.GetValueKind() != JsonValueKind.String)
            throw new ScenarioException($"{path}.family", $"is required: one of {FamilyNames()}.");
        string familyName = familyNode.GetValue<string>();
        var family = ModelFamilies.Catalog.Families.FirstOrDefault(f => f.Name == familyName)
            ?? throw new ScenarioException($"{path}.family", $"no model family '{familyName}'; families: {FamilyNames()}.");
        var merged = ScenarioJson.MergeOntoDefaults(entry, family.DefinitionType, path, "family");
        var definition = (IPopulationDefinition)ScenarioJson.Read(merged, family.DefinitionType, path);
        ScenarioJson.Validate(definition.Validate, path);
        var withFamily = new JsonObject { ["family"] = familyName };
        foreach (var (key, value) in merged)
            withFamily[key] = value?.DeepClone();
        into[path[(path.LastIndexOf('.') + 1)..]] = withFamily;
        return definition;
    }

    private static Dictionary<string, int> ReadPlacement(JsonNode? node, HashSet<string> populations, JsonObject defaulted)
    {
        var placement = new Dictionary<string, int>(StringComparer.Ordinal);
        if (node is null)
            return placement;
        foreach (var (name, value) in ScenarioJson.RequireObject(node, "$.placement"))
        {
            string path = $"$.placement.{name}";
            if (!populations.Contains(name))
                throw new ScenarioException(path, $"no population '{name}'.");
            if (value is not JsonValue rank || rank.GetValueKind() != JsonValueKind.Number || !rank.TryGetValue(out int r) || r < 0)
                throw new ScenarioException(path, $"must be a rank (an integer >= 0), not {ScenarioJson.Kind(value)}.");
            placement[name] = r;
        }

        defaulted["placement"] = node.DeepClone();
        return placement;
    }

    private static string FamilyNames() => string.Join(", ", ModelFamilies.Catalog.Families.Select(f => f.Name));

    private static List<ScenarioEntry<T>> Map<T>(JsonObject file, string key, JsonObject defaulted, Func<JsonNode, string, JsonObject, T> read)
    {
        var entries = new List<ScenarioEntry<T>>();
        var into = new JsonObject();
        defaulted[key] = into;
        if (file[key] is not { } node)
            return entries;
        foreach (var (name, value) in ScenarioJson.RequireObject(node, $"$.{key}"))
        {
            string path = $"$.{key}.{name}";
            CheckName(name, path);
            entries.Add(new ScenarioEntry<T>(name, path, read(value ?? throw new ScenarioException(path, "is null."), path, into)));
        }

        return entries;
    }

    private static void CheckName(string name, string path)
    {
        bool valid = name.Length is > 0 and <= 100 && name[0] != '.' && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');
        if (!valid)
            throw new ScenarioException(path, $"'{name}' is not a usable name; names are file stems: letters, digits, '_', '-', '.', not starting with '.'.");
    }

    private static InputDefinition CheckReference(InputDefinition input, HashSet<string> populations, string path)
    {
        PortReference.TryParse(input.Target, out var target, out _);
        if (!populations.Contains(target.Population))
            throw new ScenarioException($"{path}.target", $"no population '{target.Population}'.");
        return input;
    }

    private static RecordingDefinition CheckReference(RecordingDefinition recording, HashSet<string> populations, string path)
    {
        if (recording.Population is { } name && !populations.Contains(name))
            throw new ScenarioException($"{path}.population", $"no population '{name}'.");
        return recording;
    }

    private static void CheckStems(List<ScenarioEntry<RecordingDefinition>> recordings, List<ScenarioEntry<CheckpointDefinition>> checkpoints, string? report)
    {
        var stems = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (report is not null)
            stems[Path.GetFileNameWithoutExtension(report)] = "$.report";
        foreach (var (name, path) in recordings.Select(r => (r.Name, r.Path)).Concat(checkpoints.Select(c => (c.Name, c.Path))))
            if (!stems.TryAdd(name, path))
                throw new ScenarioException(path, $"writes files named '{name}' as {stems[name]} does; give it another name.");
    }
}
