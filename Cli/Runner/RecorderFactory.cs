using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Engine.Models;
using GrowNet.Ecs.Systems;

namespace GrowNet.Ecs.Cli.Runner;

/// <summary>Binds a scenario's recordings and inputs to the populations of a world; reference errors name the JSON path.</summary>
public static class RecorderFactory
{
    /// <summary>The file a recording writes inside <paramref name="outputDir"/>.</summary>
    public static string FileOf(string outputDir, string name, RecordingKind kind)
        => Path.Combine(outputDir, name + (kind is RecordingKind.Metrics or RecordingKind.Timings ? ".csv" : ".npy"));

    /// <summary>Creates the recorder of one entry, new or continuing from <paramref name="resumePosition"/>.</summary>
    /// <exception cref="ScenarioException">The port does not exist or the range lies outside it.</exception>
    public static IRecorder Create(World world, ScenarioEntry<RecordingDefinition> entry, string outputDir, long? resumePosition)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(entry);
        var definition = entry.Value;
        string path = FileOf(outputDir, entry.Name, definition.What);
        if (definition.What == RecordingKind.Timings)
            return new TimingsRecorder(entry.Name, definition, world, path, resumePosition);
        var population = ModelFamilies.Catalog.Find(world, definition.Population!)
            ?? throw new ScenarioException($"{entry.Path}.population", $"no population '{definition.Population}'.");
        if (definition.What == RecordingKind.Metrics)
            return new MetricsRecorder(entry.Name, definition, population, path, resumePosition);
        var (port, width) = Range(population, definition.PortName, definition.From, definition.To, entry.Path, "port");
        return definition.What == RecordingKind.Spikes
            ? new SpikeRecorder(entry.Name, definition, population, port, definition.From, width, path, resumePosition)
            : new PortRecorder(entry.Name, definition, population, port, definition.From, width, path, resumePosition);
    }

    /// <summary>Writes one held input into its port range.</summary>
    /// <exception cref="ScenarioException">The port does not exist, is an output, or the range lies outside it.</exception>
    public static void ApplyInput(World world, ScenarioEntry<InputDefinition> entry)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(entry);
        PortReference.TryParse(entry.Value.Target, out var target, out _);
        string path = entry.Path + ".target";
        var population = ModelFamilies.Catalog.Find(world, target.Population)
            ?? throw new ScenarioException(path, $"no population '{target.Population}'.");
        var (port, width) = Range(population, target.Port, target.From, target.To, entry.Path, "target");
        if (population.Port(port).Direction != PortDirection.Input)
            throw new ScenarioException(path, $"port '{target.Population}/{target.Port}' is an output; inputs can only be written to input ports.");
        var values = new double[width];
        Array.Fill(values, entry.Value.Value);
        population.WritePort(port, target.From, values);
    }

    private static (int Port, int Width) Range(Population population, string portName, int from, int? to, string entryPath, string key)
    {
        int port = population.FindPort(portName);
        if (port < 0)
        {
            var names = Enumerable.Range(0, population.PortCount).Select(i => population.Port(i).Name);
            throw new ScenarioException($"{entryPath}.{key}", $"{population} has no port '{portName}'; its ports: {string.Join(", ", names)}.");
        }

        int length = population.Port(port).Length;
        int end = to ?? length;
        if (end > length || from >= end)
            throw new ScenarioException($"{entryPath}.{(to is null ? "from" : "to")}",
                $"range [{from}..{end}) lies outside port '{population.Name}/{portName}' of length {length}.");
        return (port, end - from);
    }
}
