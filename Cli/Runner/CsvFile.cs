using System.Globalization;
using System.Text;

namespace GrowNet.Ecs.Cli.Runner;

/// <summary>
/// An appendable CSV file written through a fixed character buffer: numbers are formatted in place
/// (invariant culture, shortest round-trip doubles by default), so a row allocates nothing.
/// </summary>
public sealed class CsvFile : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly FileStream stream;
    private readonly StreamWriter writer;
    private readonly char[] scratch = new char[64];
    private bool rowStarted;

    private CsvFile(FileStream stream)
    {
        this.stream = stream;
        writer = new StreamWriter(stream, Utf8, 1 << 14) { NewLine = "\n" };
    }

    /// <summary>
    /// Opens <paramref name="path"/>: a new file with <paramref name="header"/> as its first line, or,
    /// with <paramref name="resumeBytes"/>, the existing file cut back to that length and continued.
    /// </summary>
    public static CsvFile Open(string path, string header, long? resumeBytes)
    {
        var stream = new FileStream(path, resumeBytes is null ? FileMode.Create : FileMode.Open, FileAccess.ReadWrite, FileShare.Read, 1 << 16);
        var file = new CsvFile(stream);
        if (resumeBytes is { } bytes)
        {
            if (stream.Length < bytes)
            {
                long actual = stream.Length;
                stream.Dispose();
                throw new InvalidDataException($"'{path}' holds {actual} bytes; the checkpoint expects at least {bytes}.");
            }

            stream.SetLength(bytes);
            stream.Position = bytes;
        }
        else
            file.writer.WriteLine(header);

        // The writer's byte buffer and the stream's buffer are made on the first flush: make them
        // now, so no sample ever allocates them.
        file.writer.Flush();
        return file;
    }

    /// <summary>Bytes written so far (after <see cref="Flush"/>).</summary>
    public long Position => stream.Position;

    /// <summary>Appends an integer field.</summary>
    public void Field(long value)
    {
        Separator();
        value.TryFormat(scratch, out int written, default, CultureInfo.InvariantCulture);
        writer.Write(scratch.AsSpan(0, written));
    }

    /// <summary>Appends a floating-point field (shortest round-trip form, or <paramref name="format"/>).</summary>
    public void Field(double value, ReadOnlySpan<char> format = default)
    {
        Separator();
        value.TryFormat(scratch, out int written, format, CultureInfo.InvariantCulture);
        writer.Write(scratch.AsSpan(0, written));
    }

    /// <summary>Ends the row.</summary>
    public void EndRow()
    {
        writer.Write('\n');
        rowStarted = false;
    }

    /// <summary>Writes buffered rows to the file.</summary>
    public void Flush()
    {
        writer.Flush();
        stream.Flush();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!stream.CanWrite)
            return;
        Flush();
        writer.Dispose();
    }

    private void Separator()
    {
        if (rowStarted)
            writer.Write(',');
        rowStarted = true;
    }
}
