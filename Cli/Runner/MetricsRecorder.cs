using GrowNet.Ecs.Engine.Models;

namespace GrowNet.Ecs.Cli.Runner;

/// <summary>Records a population's metrics as CSV: <c>tick,&lt;metric names&gt;</c>, one row per sample.</summary>
public sealed class MetricsRecorder : IRecorder
{
    private readonly Population population;
    private readonly double[] values;
    private readonly CsvFile file;

    /// <summary>Records the metrics of <paramref name="population"/> into <paramref name="path"/>.</summary>
    public MetricsRecorder(string name, RecordingDefinition definition, Population population, string path, long? resumeBytes)
    {
        Name = name;
        Definition = definition;
        FilePath = path;
        this.population = population;
        values = new double[population.MetricNames.Count];
        file = CsvFile.Open(path, "tick," + string.Join(',', population.MetricNames), resumeBytes);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string FilePath { get; }

    /// <inheritdoc />
    public RecordingDefinition Definition { get; }

    /// <inheritdoc />
    public long Position => file.Position;

    /// <inheritdoc />
    public void Sample(long tick)
    {
        population.ReadMetrics(values);
        file.Field(tick);
        foreach (double value in values)
            file.Field(value);
        file.EndRow();
    }

    /// <inheritdoc />
    public void Flush() => file.Flush();

    /// <inheritdoc />
    public void Dispose() => file.Dispose();
}
