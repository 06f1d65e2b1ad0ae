using System.Text;
using System.Text.Json;
using GrowNet.Ecs.Serialization.Worlds;

namespace GrowNet.Ecs.Cli.Commands;

/// <summary>What <c>grownet inspect</c> found in one file, printable as text or JSON.</summary>
/// <param name="Path">The file as given.</param>
/// <param name="Bytes">Its real size on disk.</param>
/// <param name="Kind"><c>world</c> or <c>pool</c>.</param>
public sealed record FileInspection(string Path, long Bytes, string Kind)
{
    /// <summary>The format, e.g. <c>GrowNet world 2.0</c>; null when the header is unreadable.</summary>
    public string? Format { get; init; }

    /// <summary>The world seed (world files).</summary>
    public ulong? Seed { get; init; }

    /// <summary>The saved tick.</summary>
    public ulong? Tick { get; init; }

    /// <summary>Sections read (world files).</summary>
    public IReadOnlyList<WorldSectionInfo> Sections { get; init; } = [];

    /// <summary>One line per population (and, for pool files, the config).</summary>
    public IReadOnlyList<string> Populations { get; init; } = [];

    /// <summary>What is wrong, or null for a valid file.</summary>
    public string? Error { get; init; }

    /// <summary>Writes the human-readable form.</summary>
    public void WriteText(TextWriter output)
    {
        output.WriteLine($"File: {Path} ({Bytes} bytes)");
        output.WriteLine(Format is null ? "Format: unreadable header" : $"Format: {Format}");
        if (Error is null && Seed is { } seed)
            output.WriteLine($"Seed: {seed}, tick: {Tick}");
        if (Kind == "world")
        {
            output.WriteLine($"Sections ({Sections.Count}):");
            output.WriteLine("  #     offset  kind           id  sub        bytes  crc32c");
            for (int i = 0; i < Sections.Count; i++)
            {
                var section = Sections[i];
                output.WriteLine($"  {i,-4} {section.Offset,8}  {section.Description,-12} {section.Id,4} {section.SubId,4} {section.Length,12}  {section.Checksum:X8}{(section.Optional ? " (optional)" : "")}");
            }
        }

        if (Error is not null)
            return;
        output.WriteLine(Kind == "pool" ? "Pool:" : "Populations:");
        foreach (string line in Populations)
            output.WriteLine($"  {line}");
        output.WriteLine(Kind == "pool" ? "Checksum: CRC-32 verified." : "Checksums: all sections and the whole file verified.");
    }

    /// <summary>The JSON form: one object with every field.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("file", Path);
            json.WriteNumber("bytes", Bytes);
            json.WriteString("kind", Kind);
            json.WriteBoolean("valid", Error is null);
            WriteOptional(json, "format", Format);
            WriteOptional(json, "error", Error);
            if (Seed is { } seed)
                json.WriteNumber("seed", seed);
            if (Tick is { } tick)
                json.WriteNumber("tick", tick);
            json.WriteStartArray("sections");
            foreach (var section in Sections)
            {
                json.WriteStartObject();
                json.WriteString("kind", section.Description);
                json.WriteNumber("id", section.Id);
                json.WriteNumber("subId", section.SubId);
                json.WriteNumber("offset", section.Offset);
                json.WriteNumber("bytes", section.Length);
                json.WriteString("crc32c", section.Checksum.ToString("X8"));
                json.WriteBoolean("optional", section.Optional);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("populations");
            foreach (string line in Populations)
                json.WriteStringValue(line);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
            json.WriteNull(name);
        else
            json.WriteString(name, value);
    }
}
