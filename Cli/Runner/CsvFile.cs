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
    private const int BufferChars = 1 << 14;
    private readonly FileStream stream;
    private readonly char[] scratch = new char[64];
    // Own text and byte buffers, made here: a StreamWriter makes its byte buffer on the first
    // flush of a full buffer (~49 KB, mid-run), which a sample must never do.
    private readonly char[] chars = new char[BufferChars];
    private readonly byte[] bytes = new byte[Utf8.GetMaxByteCount(BufferChars)];
    private int charCount;
    private bool rowStarted;

    private CsvFile(FileStream stream) => this.stream = stream;

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
        {
            file.Write(header);
            file.Write("\n");
        }

        // The stream's buffer is made on the first write: make it now, so no sample ever allocates it.
        file.Flush();
        return file;
    }

    /// <summary>Bytes written so far (after <see cref="Flush"/>).</summary>
    public long Position => stream.Position;

    /// <summary>Appends an integer field.</summary>
    public void Field(long value)
    {
        Separator();
        value.TryFormat(scratch, out int written, default, CultureInfo.InvariantCulture);
        Write(scratch.AsSpan(0, written));
    }

    /// <summary>Appends a floating-point field (shortest round-trip form, or <paramref name="format"/>).</summary>
    public void Field(double value, ReadOnlySpan<char> format = default)
    {
        Separator();
        value.TryFormat(scratch, out int written, format, CultureInfo.InvariantCulture);
        Write(scratch.AsSpan(0, written));
    }

    /// <summary>Ends the row.</summary>
    public void EndRow()
    {
        Write("\n");
        rowStarted = false;
    }

    /// <summary>Writes buffered rows to the file.</summary>
    public void Flush()
    {
        DrainChars();
        stream.Flush();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!stream.CanWrite)
            return;
        Flush();
        stream.Dispose();
    }

    private void Separator()
    {
        if (rowStarted)
            Write(",");
        rowStarted = true;
    }

    private void Write(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            if (charCount == chars.Length)
                DrainChars();
            int take = Math.Min(text.Length, chars.Length - charCount);
            text[..take].CopyTo(chars.AsSpan(charCount));
            charCount += take;
            text = text[take..];
        }
    }

    private void DrainChars()
    {
        int count = Utf8.GetBytes(chars.AsSpan(0, charCount), bytes);
        stream.Write(bytes, 0, count);
        charCount = 0;
    }
}
