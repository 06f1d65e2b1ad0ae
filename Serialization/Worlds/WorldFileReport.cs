namespace GrowNet.Ecs.Serialization.Worlds;

/// <summary>What <see cref="WorldCodec.Inspect"/> found in a file.</summary>
public sealed class WorldFileReport
{
    /// <summary>Format major version (0 when the header could not be read).</summary>
    public int FormatMajor { get; internal set; }

    /// <summary>Format minor version.</summary>
    public int FormatMinor { get; internal set; }

    /// <summary>File length in bytes.</summary>
    public long Length { get; internal set; }

    /// <summary>World seed.</summary>
    public ulong Seed { get; internal set; }

    /// <summary>World tick at save time.</summary>
    public ulong Tick { get; internal set; }

    /// <summary>Sections read, in file order (up to the first problem).</summary>
    public List<WorldSectionInfo> Sections { get; } = new();

    /// <summary>One line per population (pools, regions, blocks, other tables), when the file loaded.</summary>
    public List<string> Populations { get; } = new();

    /// <summary>What is wrong with the file, or null when it loaded and validated.</summary>
    public string? Error { get; internal set; }

    /// <summary>True when the file loaded and validated.</summary>
    public bool IsValid => Error == null;
}
