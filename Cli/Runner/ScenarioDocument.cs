using System.Text.Json;
using System.Text.Json.Nodes;
using GrowNet.Ecs.Engine.Models;
using GrowNet.Ecs.Systems.Network;

namespace GrowNet.Ecs.Cli.Runner;

/// <summary>
/// Writes a scenario file from the same config records the reader reads (docs/scenarios.md): the
/// inverse of <see cref="ScenarioReader"/>, used by the built-in demos, whose files in
/// <c>scenarios/</c> are what this writes for their default settings.
/// </summary>
public sealed class ScenarioDocument
{
    private readonly JsonObject root;
    private readonly JsonObject populations = new(), projections = new(), sources = new(), links = new(), modulators = new();

    /// <summary>Worker threads of <c>run.threads</c> (0 = one per processor, the default).</summary>
    public int Threads { get; init; }

    /// <summary>Starts a document with <c>version</c>, <c>run</c> (ticks, seed, threads) and <c>output.dir</c>.</summary>
    public ScenarioDocument(long ticks, ulong seed, string outputDir)
    {
        root = new JsonObject
        {
            ["version"] = Scenario.CurrentVersion,
            ["run"] = new JsonObject { ["ticks"] = ticks, ["seed"] = seed },
            ["output"] = new JsonObject { ["dir"] = outputDir },
        };
    }

    /// <summary>Adds population <paramref name="name"/>: <c>family</c> and every field of its record.</summary>
    public ScenarioDocument Population(string name, IPopulationDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var entry = new JsonObject { ["family"] = definition.Family };
        foreach (var (key, value) in Serialize(definition, definition.GetType()))
            if (key != "family")
                entry[key] = value?.DeepClone();
        populations[name] = entry;
        return this;
    }

    /// <summary>Adds projection <paramref name="name"/> from pool <paramref name="from"/> to pool <paramref name="to"/>.</summary>
    public ScenarioDocument Projection(string name, string from, string to, ProjectionDefinition definition)
    {
        var entry = new JsonObject { ["from"] = from, ["to"] = to };
        foreach (var (key, value) in Serialize(definition, typeof(ProjectionDefinition)))
            entry[key] = value?.DeepClone();
        projections[name] = entry;
        return this;
    }

    /// <summary>Adds source <paramref name="name"/>.</summary>
    public ScenarioDocument Source(string name, SourceDefinition definition)
    {
        var entry = Serialize(definition, typeof(SourceDefinition));
        entry.Remove("family");
        sources[name] = entry;
        return this;
    }

    /// <summary>Adds link <paramref name="name"/>.</summary>
    public ScenarioDocument Link(string name, LinkDefinition definition)
    {
        links[name] = Serialize(definition, typeof(LinkDefinition));
        return this;
    }

    /// <summary>Adds modulator <paramref name="name"/>.</summary>
    public ScenarioDocument Modulator(string name, ModulatorDefinition definition)
    {
        modulators[name] = Serialize(definition, typeof(ModulatorDefinition));
        return this;
    }

    /// <summary>The document; empty maps are left out.</summary>
    public JsonObject ToJsonObject()
    {
        var document = (JsonObject)root.DeepClone();
        document["run"]!["threads"] = Threads;
        foreach (var (key, map) in new[] { ("populations", populations), ("projections", projections), ("sources", sources), ("links", links), ("modulators", modulators) })
            if (map.Count > 0)
                document[key] = map.DeepClone();
        return document;
    }

    /// <summary>The document as indented JSON (the form of the files in <c>scenarios/</c>), ending in a newline.</summary>
    public string ToJson() => ToJsonObject().ToJsonString(ScenarioJson.Options) + "\n";

    private static JsonObject Serialize(object record, Type type) => JsonSerializer.SerializeToNode(record, type, ScenarioJson.Options)!.AsObject();
}
