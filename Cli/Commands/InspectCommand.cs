using System.CommandLine;
using GrowNet.Ecs.Serialization.Worlds;

namespace GrowNet.Ecs.Cli.Commands;

/// <summary>
/// <c>grownet inspect FILE.gnw</c>: format version, sections with sizes and checksums, tick and
/// populations; on a damaged file, what was read and what is wrong, with exit code 1.
/// </summary>
public static class InspectCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var fileArgument = new Argument<string>("FILE.gnw") { Description = "The world file to inspect." };
        var command = new Command("inspect", "Show what a world file (.gnw) holds, or what is wrong with it.") { fileArgument };
        command.SetAction(parseResult => Run(parseResult.GetValue(fileArgument)!, context));
        return command;
    }

    /// <summary>Runs the command; returns the exit code (1 for a damaged file).</summary>
    public static int Run(string path, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!File.Exists(path))
            throw new FileNotFoundException($"World file '{path}' not found.", path);
        WorldFileReport report;
        using (var stream = File.OpenRead(path))
            report = WorldCodec.Inspect(stream);
        var output = context.Output;
        output.WriteLine($"File: {path} ({report.Length} bytes)");
        output.WriteLine(report.FormatMajor == 0 ? "Format: unreadable header" : $"Format: GrowNet world {report.FormatMajor}.{report.FormatMinor}");
        if (report.IsValid)
            output.WriteLine($"Seed: {report.Seed}, tick: {report.Tick}");
        output.WriteLine($"Sections ({report.Sections.Count}):");
        output.WriteLine("  #     offset  kind           id  sub        bytes  crc32c");
        for (int i = 0; i < report.Sections.Count; i++)
        {
            var section = report.Sections[i];
            output.WriteLine($"  {i,-4} {section.Offset,8}  {section.Description,-12} {section.Id,4} {section.SubId,4} {section.Length,12}  {section.Checksum:X8}{(section.Optional ? " (optional)" : "")}");
        }

        if (!report.IsValid)
        {
            context.Error.WriteLine($"error: {path} is damaged: {report.Error}");
            return ExitCodes.Failure;
        }

        output.WriteLine("Populations:");
        foreach (string line in report.Populations)
            output.WriteLine($"  {line}");
        output.WriteLine("Checksums: all sections and the whole file verified.");
        return ExitCodes.Success;
    }
}
