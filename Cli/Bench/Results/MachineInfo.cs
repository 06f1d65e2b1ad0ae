using System.Globalization;
using System.Runtime.InteropServices;

namespace GrowNet.Ecs.Cli.Bench.Results;

/// <summary>The machine a run was made on.</summary>
public sealed record MachineInfo
{
    /// <summary>Host name.</summary>
    public required string Name { get; init; }

    /// <summary>Operating system description.</summary>
    public required string Os { get; init; }

    /// <summary>Process architecture (e.g. X64).</summary>
    public required string Architecture { get; init; }

    /// <summary>Logical processors.</summary>
    public int ProcessorCount { get; init; }

    /// <summary>Processor model (from /proc/cpuinfo where there is one), or empty.</summary>
    public string ProcessorName { get; init; } = "";

    /// <summary>Memory available to the process, in bytes.</summary>
    public long MemoryBytes { get; init; }

    /// <summary>One-minute load average when the run started (/proc/loadavg), or -1 where unknown.</summary>
    public double LoadAverage { get; init; } = -1;

    /// <summary>Describes this machine now.</summary>
    public static MachineInfo Capture() => new()
    {
        Name = Environment.MachineName,
        Os = RuntimeInformation.OSDescription,
        Architecture = RuntimeInformation.ProcessArchitecture.ToString(),
        ProcessorCount = Environment.ProcessorCount,
        ProcessorName = ReadProcessorName(),
        MemoryBytes = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
        LoadAverage = ReadLoadAverage(),
    };

    /// <summary>One line for the report header.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Name}: {ProcessorCount} x {(ProcessorName.Length > 0 ? ProcessorName : Architecture)}, {MemoryBytes / (1L << 30)} GiB, {Os}, load {LoadAverage:F2}");

    private static string ReadProcessorName()
    {
        try
        {
            const string prefix = "model name";
            string? line = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal)) : null;
            return line is null ? "" : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException)
        {
            return "";
        }
    }

    private static double ReadLoadAverage()
    {
        try
        {
            if (!File.Exists("/proc/loadavg"))
                return -1;
            string first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.TryParse(first, NumberStyles.Float, CultureInfo.InvariantCulture, out double load) ? load : -1;
        }
        catch (IOException)
        {
            return -1;
        }
    }
}
