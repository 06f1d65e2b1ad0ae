namespace GrowNet.Ecs.Cli.Runner;

/// <summary>
/// One recording of a run, writing one file in the output folder. <see cref="Sample"/> is called
/// after every tick the recording is due and allocates nothing; <see cref="Position"/> is what a
/// checkpoint stores so a resumed run continues the file exactly.
/// </summary>
public interface IRecorder : IDisposable
{
    /// <summary>The recording's name (its file stem).</summary>
    string Name { get; }

    /// <summary>The file written.</summary>
    string FilePath { get; }

    /// <summary>The recording's schedule.</summary>
    RecordingDefinition Definition { get; }

    /// <summary>Where the file ends after <see cref="Flush"/>: rows for NPY files, bytes for CSV files.</summary>
    long Position { get; }

    /// <summary>Records the sample of tick <paramref name="tick"/> (the world tick after the step).</summary>
    void Sample(long tick);

    /// <summary>Writes everything buffered, leaving the file complete and readable.</summary>
    void Flush();
}
