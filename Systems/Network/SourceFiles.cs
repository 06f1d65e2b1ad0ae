using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GrowNet.Ecs.Engine.Models;

namespace GrowNet.Ecs.Systems.Network;

/// <summary>
/// Frames of a file source: a CSV column (one value per line, broadcast to the target range; a
/// first line that is not a number is a header) or a PGM image sequence (binary P5 or plain P2
/// images one after another in the file, each width × height = the target length, pixels scaled
/// to [0, 1] by the image's max value) or a PNG image sequence (<see cref="PngFrames"/>: 8-bit
/// gray, RGB or RGBA, no interlace). The world keeps the frames, the path and the file's
/// SHA-256, and refuses to load when the file has since changed.
/// </summary>
public static class SourceFiles
{
    /// <summary>Reads the frames of <paramref name="path"/> for a target range of <paramref name="length"/> elements.</summary>
    /// <exception cref="ModelConfigException">The file is missing, empty, or does not fit the target (the message says which).</exception>
    public static (double[] Frames, int FrameCount, byte[] Sha256) Load(string path, int column, int length)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ModelConfigException("path", $"'{path}' cannot be read: {error.Message}");
        }

        byte[] sha = SHA256.HashData(bytes);
        bool pgm = bytes.Length >= 2 && bytes[0] == (byte)'P' && (bytes[1] == (byte)'5' || bytes[1] == (byte)'2');
        var frames = PngFrames.IsPng(bytes) ? PngFrames.Read(bytes, length, path) : pgm ? Pgm(bytes, length, path) : Csv(bytes, column, length, path);
        if (frames.Count == 0)
            throw new ModelConfigException("path", $"'{path}' holds no frames.");
        var all = new double[frames.Count * length];
        for (int f = 0; f < frames.Count; f++)
            frames[f].CopyTo(all, f * length);
        return (all, frames.Count, sha);
    }

    /// <summary>SHA-256 of the file at <paramref name="path"/>, or null when it cannot be read.</summary>
    public static byte[]? HashOrNull(string path)
    {
        try
        {
            return SHA256.HashData(File.ReadAllBytes(path));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private static List<double[]> Csv(byte[] bytes, int column, int length, string path)
    {
        var frames = new List<double[]>();
        var lines = Encoding.UTF8.GetString(bytes).Split('\n');
        for (int line = 0; line < lines.Length; line++)
        {
            string text = lines[line].Trim();
            if (text.Length == 0)
                continue;
            var cells = text.Split(',');
            if (column >= cells.Length)
                throw new ModelConfigException("column", $"is {column}, but line {line + 1} of '{path}' has {cells.Length} columns.");
            if (!double.TryParse(cells[column], NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
            {
                if (frames.Count == 0 && line == 0)
                    continue; // a header
                throw new ModelConfigException("path", $"line {line + 1} of '{path}', column {column}: '{cells[column]}' is not a finite number.");
            }

            var frame = new double[length];
            Array.Fill(frame, value);
            frames.Add(frame);
        }

        return frames;
    }

    private static List<double[]> Pgm(byte[] bytes, int length, string path)
    {
        var frames = new List<double[]>();
        int at = 0;
        while (SkipSpace(bytes, ref at) < bytes.Length)
        {
            if (at + 2 > bytes.Length || bytes[at] != (byte)'P' || (bytes[at + 1] != (byte)'5' && bytes[at + 1] != (byte)'2'))
                throw new ModelConfigException("path", $"'{path}': image {frames.Count + 1} does not start with a PGM header (P5 or P2) at byte {at}.");
            bool binary = bytes[at + 1] == (byte)'5';
            at += 2;
            int width = Number(bytes, ref at, path), height = Number(bytes, ref at, path), max = Number(bytes, ref at, path);
            if (max is < 1 or > 65535)
                throw new ModelConfigException("path", $"'{path}': image {frames.Count + 1} has max value {max} (1..65535 allowed).");
            if ((long)width * height != length)
                throw new ModelConfigException("path", $"'{path}': image {frames.Count + 1} is {width}×{height} = {(long)width * height} pixels; the target range has {length}.");
            var frame = new double[length];
            int sampleBytes = max > 255 ? 2 : 1;
            if (binary)
            {
                at++; // exactly one whitespace byte after the max value
                if (at + (long)length * sampleBytes > bytes.Length)
                    throw new ModelConfigException("path", $"'{path}': image {frames.Count + 1} is truncated.");
                for (int i = 0; i < length; i++, at += sampleBytes)
                    frame[i] = (sampleBytes == 1 ? bytes[at] : bytes[at] << 8 | bytes[at + 1]) / (double)max;
            }
            else
            {
                for (int i = 0; i < length; i++)
                    frame[i] = Number(bytes, ref at, path) / (double)max;
            }

            frames.Add(frame);
        }

        return frames;
    }

    private static int SkipSpace(byte[] bytes, ref int at)
    {
        while (at < bytes.Length)
        {
            if (bytes[at] == (byte)'#')
                while (at < bytes.Length && bytes[at] != (byte)'\n')
                    at++;
            else if (bytes[at] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
                at++;
            else
                break;
        }

        return at;
    }

    private static int Number(byte[] bytes, ref int at, string path)
    {
        SkipSpace(bytes, ref at);
        long value = 0;
        int start = at;
        while (at < bytes.Length && bytes[at] is >= (byte)'0' and <= (byte)'9' && value <= int.MaxValue)
            value = value * 10 + (bytes[at++] - '0');
        if (at == start || value > int.MaxValue)
            throw new ModelConfigException("path", $"'{path}': expected a number at byte {start}.");
        return (int)value;
    }
}
