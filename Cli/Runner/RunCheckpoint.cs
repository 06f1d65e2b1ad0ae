using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using GrowNet.Ecs.Serialization;

namespace GrowNet.Ecs.Cli.Runner;

/// <summary>
/// What the runner stores next to a checkpoint's world file (<c>NAME-TICK.run.json</c> beside
/// <c>NAME-TICK.gnw</c>): the defaulted scenario, the output folder, the tick the run ends at and
/// where each recording's file ended. With the world (populations, inputs, everything that is world
/// state) that is all a resumed run needs to write the same bytes as an uninterrupted one.
/// </summary>
public sealed record RunCheckpoint
{
    /// <summary>The sidecar's file extension.</summary>
    public const string Extension = ".run.json";

    /// <summary>The defaulted scenario (as <c>--describe</c> prints it).</summary>
    public JsonObject Scenario { get; init; } = new();

    /// <summary>Absolute output folder of the run.</summary>
    public string OutputDir { get; init; } = "";

    /// <summary>World tick when the checkpoint was written.</summary>
    public long Tick { get; init; }

    /// <summary>World tick the run ends at.</summary>
    public long EndTick { get; init; }

    /// <summary>The HTML report written at the end (absolute path), or null.</summary>
    public string? ReportPath { get; init; }

    /// <summary>Each recording's <see cref="IRecorder.Position"/> at the checkpoint.</summary>
    public Dictionary<string, long> Recorders { get; init; } = [];

    /// <summary>Number of ranks of a distributed run (docs/distributed.md); 0 for one process (not written then).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Ranks { get; init; }

    /// <summary>The sidecar path of the world file <paramref name="worldPath"/>.</summary>
    public static string SidecarOf(string worldPath) => Path.ChangeExtension(worldPath, null) + Extension;

    /// <summary>Writes the sidecar atomically.</summary>
    public void Save(string path) => AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, this, ScenarioJson.Options));

    /// <summary>Reads a sidecar.</summary>
    /// <exception cref="InvalidDataException">The file is not a run checkpoint.</exception>
    public static RunCheckpoint Load(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<RunCheckpoint>(File.ReadAllText(path), ScenarioJson.Options)
                ?? throw new InvalidDataException($"'{path}' is empty.");
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"'{path}' is not a run checkpoint: {error.Message}", error);
        }
    }
}
