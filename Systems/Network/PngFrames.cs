using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using GrowNet.Ecs.Engine.Models;

namespace GrowNet.Ecs.Systems.Network;

/// <summary>
/// PNG frames of a file source (network.md, "Sources": a PGM/PNG image sequence): one or more PNG
/// images one after another in the file, each one frame of width × height = the target length.
/// Read: 8-bit grayscale, RGB and RGBA, no interlace (chunk CRCs checked, IDAT inflated with
/// zlib, the five scanline filters undone). A pixel becomes gray / 255; a colour pixel its
/// ITU-R BT.601 luma (0.299 R + 0.587 G + 0.114 B) / 255 in double; alpha is ignored. Anything
/// else (palette, gray + alpha, other bit depths, Adam7) is refused with the reason.
/// </summary>
internal static class PngFrames
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    /// <summary>Whether <paramref name="bytes"/> starts with the PNG signature.</summary>
    public static bool IsPng(ReadOnlySpan<byte> bytes) => bytes.StartsWith(Signature);

    /// <summary>Decodes every image of the file into a frame of <paramref name="length"/> values in [0, 1].</summary>
    /// <exception cref="ModelConfigException">The file is not a PNG this reader takes, or an image does not fit the target.</exception>
    public static List<double[]> Read(byte[] bytes, int length, string path)
    {
        var frames = new List<double[]>();
        int at = 0;
        while (at < bytes.Length)
        {
            if (!IsPng(bytes.AsSpan(at)))
                throw Error(path, frames.Count, $"does not start with the PNG signature at byte {at}");
            frames.Add(ReadImage(bytes, ref at, length, path, frames.Count));
        }

        return frames;
    }

    private static double[] ReadImage(byte[] bytes, ref int at, int length, string path, int image)
    {
        at += Signature.Length;
        var header = default(Header);
        var compressed = new MemoryStream();
        bool sawHeader = false;
        while (true)
        {
            if (at + 12 > bytes.Length)
                throw Error(path, image, "is truncated (no IEND chunk)");
            uint size = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at));
            if (size > int.MaxValue || at + 12 + (long)size > bytes.Length)
                throw Error(path, image, $"has a chunk at byte {at} that runs past the end of the file");
            var type = bytes.AsSpan(at + 4, 4);
            var data = bytes.AsSpan(at + 8, (int)size);
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at + 8 + (int)size));
            if (Crc32.HashToUInt32(bytes.AsSpan(at + 4, 4 + (int)size)) != crc)
                throw Error(path, image, $"chunk '{System.Text.Encoding.ASCII.GetString(type)}' at byte {at} fails its CRC");
            at += 12 + (int)size;
            if (type.SequenceEqual("IHDR"u8))
            {
                header = ReadHeader(data, path, image, length);
                sawHeader = true;
            }
            else if (type.SequenceEqual("IDAT"u8))
            {
                if (!sawHeader)
                    throw Error(path, image, "has image data before its IHDR chunk");
                compressed.Write(data);
            }
            else if (type.SequenceEqual("IEND"u8))
            {
                break;
            }
            else if ((type[0] & 0x20) == 0)
            {
                throw Error(path, image, $"has a critical chunk '{System.Text.Encoding.ASCII.GetString(type)}' this reader does not know (palette images are not read)");
            }
        }

        if (!sawHeader)
            throw Error(path, image, "has no IHDR chunk");
        return Pixels(Inflate(compressed, header, path, image), header, path, image);
    }

    private static Header ReadHeader(ReadOnlySpan<byte> data, string path, int image, int length)
    {
        if (data.Length != 13)
            throw Error(path, image, $"has an IHDR chunk of {data.Length} bytes (13 expected)");
        var header = new Header(BinaryPrimitives.ReadInt32BigEndian(data), BinaryPrimitives.ReadInt32BigEndian(data[4..]), data[8], data[9]);
        if (header.Width <= 0 || header.Height <= 0)
            throw Error(path, image, $"is {header.Width}×{header.Height}; both sides must be at least 1");
        if (header.BitDepth != 8)
            throw Error(path, image, $"has bit depth {header.BitDepth}; only 8-bit images are read");
        if (header.Channels == 0)
            throw Error(path, image, $"has colour type {header.ColorType} ({ColorTypeName(header.ColorType)}); only grayscale (0), RGB (2) and RGBA (6) are read");
        if (data[10] != 0 || data[11] != 0)
            throw Error(path, image, $"has compression method {data[10]} / filter method {data[11]} (0 / 0 expected)");
        if (data[12] != 0)
            throw Error(path, image, $"is interlaced (method {data[12]}); only non-interlaced images are read");
        if ((long)header.Width * header.Height != length)
            throw Error(path, image, $"is {header.Width}×{header.Height} = {(long)header.Width * header.Height} pixels; the target range has {length}");
        return header;
    }

    private static byte[] Inflate(MemoryStream compressed, in Header header, string path, int image)
    {
        int stride = header.Width * header.Channels;
        var raw = new byte[(long)(stride + 1) * header.Height];
        compressed.Position = 0;
        try
        {
            using var zlib = new ZLibStream(compressed, CompressionMode.Decompress);
            zlib.ReadExactly(raw);
            if (zlib.ReadByte() >= 0)
                throw Error(path, image, "holds more image data than its size needs");
        }
        catch (Exception error) when (error is InvalidDataException or EndOfStreamException)
        {
            throw Error(path, image, $"has image data that does not inflate to {raw.Length} bytes: {error.Message}");
        }

        return raw;
    }

    /// <summary>Undoes the scanline filters in place and converts the pixels.</summary>
    private static double[] Pixels(byte[] raw, in Header header, string path, int image)
    {
        int channels = header.Channels, stride = header.Width * channels;
        var frame = new double[header.Width * header.Height];
        for (int y = 0; y < header.Height; y++)
        {
            int row = y * (stride + 1) + 1, previous = row - stride - 1;
            byte filter = raw[row - 1];
            if (filter > 4)
                throw Error(path, image, $"row {y} has filter type {filter} (0..4 exist)");
            for (int x = 0; x < stride; x++)
            {
                int left = x >= channels ? raw[row + x - channels] : 0;
                int up = y > 0 ? raw[previous + x] : 0;
                int upLeft = y > 0 && x >= channels ? raw[previous + x - channels] : 0;
                raw[row + x] += filter switch
                {
                    1 => (byte)left,
                    2 => (byte)up,
                    3 => (byte)((left + up) / 2),
                    4 => (byte)Paeth(left, up, upLeft),
                    _ => (byte)0,
                };
            }

            for (int x = 0; x < header.Width; x++)
            {
                int p = row + x * channels;
                frame[y * header.Width + x] = channels == 1 ? raw[p] / 255.0 : (0.299 * raw[p] + 0.587 * raw[p + 1] + 0.114 * raw[p + 2]) / 255.0;
            }
        }

        return frame;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static string ColorTypeName(byte colorType) => colorType switch
    {
        3 => "palette",
        4 => "grayscale with alpha",
        _ => "not a PNG colour type",
    };

    private static ModelConfigException Error(string path, int image, string problem)
        => new("path", $"'{path}': PNG image {image + 1} {problem}.");

    private readonly record struct Header(int Width, int Height, byte BitDepth, byte ColorType)
    {
        /// <summary>Bytes per pixel of the colour types read (0: not read).</summary>
        public int Channels => ColorType switch { 0 => 1, 2 => 3, 6 => 4, _ => 0 };
    }
}
