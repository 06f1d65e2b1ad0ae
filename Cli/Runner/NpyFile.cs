using System.Globalization;
using System.Text;

namespace GrowNet.Ecs.Cli.Runner;

/// <summary>
/// An appendable NPY v1.0 file (numpy's <c>np.load</c> reads it with no custom code): a fixed
/// 128-byte header whose row count is rewritten on every <see cref="Flush"/>, then little-endian
/// rows. The header is padded with spaces, so its length never changes as the count grows.
/// </summary>
public sealed class NpyFile : IDisposable
{
    /// <summary>Bytes before the first row (magic, version, header length, header dictionary).</summary>
    public const int HeaderLength = 128;

    private readonly FileStream stream;
    private readonly string descr;
    private readonly string tailShape;

    private NpyFile(FileStream stream, string descr, string tailShape, int rowBytes, long rows)
    {
        this.stream = stream;
        this.descr = descr;
        this.tailShape = tailShape;
        RowBytes = rowBytes;
        Rows = rows;
    }

    /// <summary>Bytes per row.</summary>
    public int RowBytes { get; }

    /// <summary>Rows written so far.</summary>
    public long Rows { get; private set; }

    /// <summary>
    /// Opens <paramref name="path"/> for rows of <paramref name="rowBytes"/> bytes with numpy dtype
    /// <paramref name="descr"/> (a Python literal) and trailing dimensions <paramref name="tailShape"/>
    /// (e.g. <c>", 64"</c>; empty for a 1-D array). With <paramref name="resumeRows"/> the file is cut
    /// back to that many rows and continued; otherwise it is created empty.
    /// </summary>
    public static NpyFile Open(string path, string descr, string tailShape, int rowBytes, long? resumeRows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rowBytes, 1);
        var stream = new FileStream(path, resumeRows is null ? FileMode.Create : FileMode.Open, FileAccess.ReadWrite, FileShare.Read, 1 << 16);
        long rows = resumeRows ?? 0;
        long length = HeaderLength + rows * rowBytes;
        if (resumeRows is not null && stream.Length < length)
        {
            long actual = stream.Length;
            stream.Dispose();
            throw new InvalidDataException($"'{path}' holds {actual} bytes; the checkpoint expects at least {length}.");
        }

        stream.SetLength(length);
        var file = new NpyFile(stream, descr, tailShape, rowBytes, rows);
        file.WriteHeader();
        stream.Position = length;
        return file;
    }

    /// <summary>The header bytes for a shape of <paramref name="rows"/> rows.</summary>
    public static byte[] Header(string descr, string tailShape, long rows)
    {
        string dict = $"{{'descr': {descr}, 'fortran_order': False, 'shape': ({rows.ToString(CultureInfo.InvariantCulture)},{tailShape}), }}";
        int padding = HeaderLength - 10 - dict.Length - 1;
        if (padding < 0)
            throw new InvalidOperationException($"NPY header '{dict}' is longer than {HeaderLength} bytes.");
        var header = new byte[HeaderLength];
        header[0] = 0x93;
        Encoding.ASCII.GetBytes("NUMPY", header.AsSpan(1));
        header[6] = 1;
        header[7] = 0;
        header[8] = (byte)(HeaderLength - 10);
        header[9] = 0;
        Encoding.ASCII.GetBytes(dict + new string(' ', padding) + "\n", header.AsSpan(10));
        return header;
    }

    /// <summary>Appends whole rows (the span's length is a multiple of <see cref="RowBytes"/>). Allocates nothing.</summary>
    public void Append(ReadOnlySpan<byte> rows)
    {
        stream.Write(rows);
        Rows += rows.Length / RowBytes;
    }

    /// <summary>Rewrites the header with the current row count and flushes the file.</summary>
    public void Flush()
    {
        long end = stream.Position;
        WriteHeader();
        stream.Position = end;
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

    private void WriteHeader()
    {
        stream.Position = 0;
        stream.Write(Header(descr, tailShape, Rows));
    }
}
