using System.Text.Json;
using System.Text.Json.Nodes;

namespace GrowNet.Ecs.Cli.Runner;

/// <summary>
/// <c>--set PATH=VALUE</c>: replaces (or adds) the value at a dotted path of the scenario before it
/// is validated, e.g. <c>run.seed=7</c> or <c>populations.cortex.density=0.05</c>. VALUE is read as
/// JSON when it parses as JSON, otherwise as a string.
/// </summary>
public static class ScenarioOverrides
{
    /// <summary>Applies one assignment to <paramref name="root"/>.</summary>
    /// <exception cref="ScenarioException">The assignment is malformed or its path crosses a value that is not an object.</exception>
    public static void Apply(JsonObject root, string assignment)
    {
        ArgumentNullException.ThrowIfNull(root);
        var (path, value) = Split(assignment);
        string[] keys = path.Split('.');
        JsonObject current = root;
        for (int i = 0; i < keys.Length - 1; i++)
        {
            string at = "$." + string.Join('.', keys[..(i + 1)]);
            current[keys[i]] ??= new JsonObject();
            current = current[keys[i]] as JsonObject ?? throw new ScenarioException(at, $"--set {path}: this value is not an object.");
        }

        current[keys[^1]] = value;
    }

    /// <summary>Splits <c>PATH=VALUE</c> into the path and the JSON value.</summary>
    /// <exception cref="ScenarioException">There is no '=' or the path is empty.</exception>
    public static (string Path, JsonNode? Value) Split(string assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        int eq = assignment.IndexOf('=');
        string path = eq > 0 ? assignment[..eq].Trim() : "";
        if (path.Length == 0 || path.Split('.').Any(k => k.Length == 0))
            throw new ScenarioException("$", $"--set '{assignment}': write PATH=VALUE with a dotted path, e.g. run.seed=7.");
        string text = assignment[(eq + 1)..];
        try
        {
            return (path, JsonNode.Parse(text));
        }
        catch (JsonException)
        {
            return (path, JsonValue.Create(text));
        }
    }
}
