using System.Buffers.Binary;
using System.Globalization;

namespace GrowNet.Ecs.Cli.Runner;

/// <summary>Reads recording files back (for reports, sweeps and tests): spike NPY files, float64 NPY matrices, CSV tables.</summary>
public static class RecordingFiles
{
    /// <summary>The (tick, cell) pairs of a spike recording.</summary>
    public static (uint Tick, uint Cell)[] ReadSpikes(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        var spikes = new (uint, uint)[(bytes.Length - NpyFile.HeaderLength) / 8];
        for (int i = 0; i < spikes.Length; i++)
        {
            int at = NpyFile.HeaderLength + i * 8;
            spikes[i] = (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at)), BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 4)));
        }

        return spikes;
    }

    /// <summary>The rows of a float64 port recording of <paramref name="width"/> columns.</summary>
    public static double[][] ReadMatrix(string path, int width)
    {
        byte[] bytes = File.ReadAllBytes(path);
        int rows = (bytes.Length - NpyFile.HeaderLength) / (8 * width);
        var matrix = new double[rows][];
        for (int r = 0; r < rows; r++)
        {
            matrix[r] = new double[width];
            for (int c = 0; c < width; c++)
                matrix[r][c] = BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(NpyFile.HeaderLength + (r * width + c) * 8));
        }

        return matrix;
    }

    /// <summary>A numeric CSV file: its header and its columns.</summary>
    public static (string[] Header, double[][] Columns) ReadCsv(string path)
    {
        string[] lines = File.ReadAllLines(path);
        string[] header = lines.Length > 0 ? lines[0].Split(',') : [];
        var columns = new double[header.Length][];
        for (int c = 0; c < header.Length; c++)
            columns[c] = new double[lines.Length - 1];
        for (int r = 1; r < lines.Length; r++)
        {
            string[] fields = lines[r].Split(',');
            for (int c = 0; c < header.Length && c < fields.Length; c++)
                columns[c][r - 1] = double.Parse(fields[c], CultureInfo.InvariantCulture);
        }

        return (header, columns);
    }
}
