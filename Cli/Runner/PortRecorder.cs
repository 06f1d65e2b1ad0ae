using System.Runtime.InteropServices;
using GrowNet.Ecs.Engine.Models;

namespace GrowNet.Ecs.Cli.Runner;

/// <summary>
/// Records a port range (a state variable such as a pool's <c>trace</c>, or an input) as one
/// float64 row per sample: an NPY matrix of shape (samples, width), little-endian <c>&lt;f8</c>.
/// </summary>
public sealed class PortRecorder : IRecorder
{
    private readonly Population population;
    private readonly int port;
    private readonly int from;
    private readonly double[] values;
    private readonly NpyFile file;

    /// <summary>Records port <paramref name="port"/> elements <c>from .. from + width</c> of <paramref name="population"/>.</summary>
    public PortRecorder(string name, RecordingDefinition definition, Population population, int port, int from, int width, string path, long? resumeRows)
    {
        Name = name;
        Definition = definition;
        FilePath = path;
        this.population = population;
        this.port = port;
        this.from = from;
        values = new double[width];
        file = NpyFile.Open(path, "'<f8'", $" {width}", width * sizeof(double), resumeRows);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string FilePath { get; }

    /// <inheritdoc />
    public RecordingDefinition Definition { get; }

    /// <inheritdoc />
    public long Position => file.Rows;

    /// <inheritdoc />
    public void Sample(long tick)
    {
        population.ReadPort(port, from, values);
        file.Append(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    /// <inheritdoc />
    public void Flush() => file.Flush();

    /// <inheritdoc />
    public void Dispose() => file.Dispose();
}
