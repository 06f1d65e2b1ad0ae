using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using GrowNet.Ecs.Engine.Models;

namespace GrowNet.Ecs.Cli.Runner;

/// <summary>
/// How scenario entries map to config records, for every record alike: the record's defaults are
/// serialized, the entry is merged onto them (a key the defaults do not have is an unknown key),
/// and the merged object is deserialized into the record type. So a file holds exactly the fields
/// of the C# records (camelCase, enums as camelCase strings) and the two never drift.
/// </summary>
public static class ScenarioJson
{
    /// <summary>The serializer options of scenario files (camelCase, string enums, public fields included).</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        IncludeFields = true,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>The defaults of <paramref name="recordType"/> as a JSON object (its parameterless instance, serialized).</summary>
    public static JsonObject Defaults(Type recordType)
    {
        ArgumentNullException.ThrowIfNull(recordType);
        object instance = Activator.CreateInstance(recordType)
            ?? throw new InvalidOperationException($"{recordType.Name} has no parameterless constructor.");
        return JsonSerializer.SerializeToNode(instance, recordType, Options)!.AsObject();
    }

    /// <summary>
    /// Merges <paramref name="entry"/> (the object at <paramref name="path"/>) onto the defaults of
    /// <paramref name="recordType"/> and returns the merged object, leaving out <paramref name="ignoredKeys"/>.
    /// </summary>
    /// <exception cref="ScenarioException">The entry is not an object, or has a key the record does not.</exception>
    public static JsonObject MergeOntoDefaults(JsonNode? entry, Type recordType, string path, params string[] ignoredKeys)
    {
        var merged = Defaults(recordType);
        foreach (string key in ignoredKeys)
            merged.Remove(key);
        Merge(merged, RequireObject(entry, path), path, ignoredKeys);
        return merged;
    }

    /// <summary>Deserializes a merged object into <typeparamref name="T"/>, turning type errors into scenario errors.</summary>
    /// <exception cref="ScenarioException">A value has the wrong type or is out of its type's range.</exception>
    public static T Read<T>(JsonObject merged, string path) => (T)Read(merged, typeof(T), path);

    /// <summary>Deserializes a merged object into <paramref name="type"/>.</summary>
    /// <exception cref="ScenarioException">A value has the wrong type or is out of its type's range.</exception>
    public static object Read(JsonObject merged, Type type, string path)
    {
        try
        {
            return merged.Deserialize(type, Options) ?? throw new ScenarioException(path, "is null.");
        }
        catch (JsonException error)
        {
            string at = error.Path is { Length: > 1 } relative ? path + relative[1..] : path;
            throw new ScenarioException(at, $"has the wrong type or is out of range ({FirstSentence(error.Message)})");
        }
    }

    /// <summary>Runs a record's validation, mapping the <see cref="ModelConfigException.Field"/> it names to a JSON path.</summary>
    /// <exception cref="ScenarioException">The record is invalid.</exception>
    public static void Validate(Action validate, string path)
    {
        ArgumentNullException.ThrowIfNull(validate);
        try
        {
            validate();
        }
        catch (ModelConfigException error)
        {
            string message = error.Message;
            string prefix = error.Field + ": ";
            int cut = message.IndexOf(" (Parameter", StringComparison.Ordinal);
            message = cut >= 0 ? message[..cut] : message;
            throw new ScenarioException($"{path}.{error.Field}", message.StartsWith(prefix, StringComparison.Ordinal) ? message[prefix.Length..] : message);
        }
    }

    /// <summary>The object at <paramref name="path"/>.</summary>
    /// <exception cref="ScenarioException">The value is missing or not an object.</exception>
    public static JsonObject RequireObject(JsonNode? node, string path)
        => node as JsonObject ?? throw new ScenarioException(path, $"must be an object, not {Kind(node)}.");

    /// <summary>A JSON kind for messages (<c>a string</c>, <c>null</c>, …).</summary>
    public static string Kind(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => "a boolean",
    };

    private static void Merge(JsonObject target, JsonObject source, string path, string[] ignoredKeys)
    {
        foreach (var (key, value) in source)
        {
            if (Array.IndexOf(ignoredKeys, key) >= 0)
                continue;
            string at = $"{path}.{key}";
            if (!target.ContainsKey(key))
                throw new ScenarioException(at, $"unknown key; known keys: {string.Join(", ", target.Select(p => p.Key))}.");
            if (target[key] is JsonObject nested && value is JsonObject given)
                Merge(nested, given, at, []);
            else if (target[key] is JsonObject && value is not JsonObject)
                throw new ScenarioException(at, $"must be an object, not {Kind(value)}.");
            else
                target[key] = value?.DeepClone();
        }
    }

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message.TrimEnd('.');
    }
}
