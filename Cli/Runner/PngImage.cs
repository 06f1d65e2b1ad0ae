using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace GrowNet.Ecs.Cli.Runner;

/// <summary>
/// Writes 8-bit grayscale PNG images (signature, IHDR, one zlib IDAT with filter 0 on every row,
/// IEND), so a report can embed 2D frames as <c>data:</c> URIs without an image library.
/// </summary>
public static class PngImage
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Encodes <paramref name="gray"/> (row-major, <paramref name="width"/> × <paramref name="height"/> bytes) as a PNG file.</summary>
    /// <exception cref="ArgumentException">The size is not positive or does not match the pixels.</exception>
    public static byte[] EncodeGray(int width, int height, ReadOnlySpan<byte> gray)
    {
        if (width <= 0 || height <= 0 || (long)width * height != gray.Length)
            throw new ArgumentException($"A {width}×{height} image needs {(long)width * height} pixels, not {gray.Length}.", nameof(gray));
        using var png = new MemoryStream();
        png.Write(Signature);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8; // bit depth
        header[9] = 0; // colour type: grayscale; compression, filter and interlace methods stay 0
        Chunk(png, "IHDR", header);
        using (var raw = new MemoryStream())
        {
            using (var zlib = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
            {
                for (int row = 0; row < height; row++)
                {
                    zlib.WriteByte(0); // filter type None
                    zlib.Write(gray.Slice(row * width, width));
                }
            }

            Chunk(png, "IDAT", raw.GetBuffer().AsSpan(0, (int)raw.Length));
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>Maps values linearly from [<paramref name="min"/>, <paramref name="max"/>] to 0..255 (NaN as 0).</summary>
    public static byte[] ToGray(ReadOnlySpan<double> values, double min, double max)
    {
        var gray = new byte[values.Length];
        double scale = max > min ? 255 / (max - min) : 0;
        for (int i = 0; i < values.Length; i++)
            gray[i] = double.IsFinite(values[i]) ? (byte)Math.Clamp(Math.Round((values[i] - min) * scale), 0, 255) : (byte)0;
        return gray;
    }

    private static void Chunk(Stream png, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        var crc = new Crc32();
        crc.Append(typeBytes);
        crc.Append(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, crc.GetCurrentHashAsUInt32());
        png.Write(word);
    }
}
