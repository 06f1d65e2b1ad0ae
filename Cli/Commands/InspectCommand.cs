using System.CommandLine;
using GrowNet.Ecs.Serialization.PoolFiles;
using GrowNet.Ecs.Serialization.Worlds;

namespace GrowNet.Ecs.Cli.Commands;

/// <summary>
/// <c>grownet inspect FILE [--json]</c>: what a world file (<c>.gnw</c>: format version, sections
/// with sizes and checksums, tick, populations) or a neuropool file (<c>.pool</c>: pool, cells,
/// synapses, tick, config) holds, recognised by its magic bytes; on a damaged file, what was read
/// and what is wrong, with exit code 1. <c>--json</c> prints one JSON object for tools.
/// </summary>
public static class InspectCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var fileArgument = new Argument<string>("FILE") { Description = "The world (.gnw) or pool (.pool) file to inspect." };
        var jsonOption = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        var command = new Command("inspect", "Show what a world file (.gnw) or pool file (.pool) holds, or what is wrong with it.")
        {
            fileArgument, jsonOption,
        };
        command.SetAction(parseResult => Run(parseResult.GetValue(fileArgument)!, context, parseResult.GetValue(jsonOption)));
        return command;
    }

    /// <summary>Runs the command; returns the exit code (1 for a damaged file).</summary>
    public static int Run(string path, CliContext context, bool json = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        InputFiles.Check(path, "File");
        var inspection = IsPoolFile(path) ? InspectPool(path) : InspectWorld(path);
        if (json)
            context.Output.WriteLine(inspection.ToJson());
        else
            inspection.WriteText(context.Output);
        if (inspection.Error is { } error)
        {
            context.Error.WriteLine($"error: {path} is damaged: {error}");
            return ExitCodes.Failure;
        }

        return ExitCodes.Success;
    }

    private static bool IsPoolFile(string path)
    {
        Span<byte> magic = stackalloc byte[4];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false) == 4 && magic.SequenceEqual("POOL"u8);
    }

    private static FileInspection InspectWorld(string path)
    {
        WorldFileReport report;
        using (var stream = File.OpenRead(path))
            report = WorldCodec.Inspect(stream);
        return new FileInspection(path, new FileInfo(path).Length, "world")
        {
            Format = report.FormatMajor == 0 ? null : $"GrowNet world {report.FormatMajor}.{report.FormatMinor}",
            Seed = report.IsValid ? report.Seed : null,
            Tick = report.IsValid ? report.Tick : null,
            Sections = report.Sections,
            Populations = report.IsValid ? report.Populations : [],
            Error = report.Error,
        };
    }

    private static FileInspection InspectPool(string path)
    {
        var inspection = new FileInspection(path, new FileInfo(path).Length, "pool") { Format = "neuropool 0.1 pool file" };
        try
        {
            PoolFileImage image;
            using (var stream = File.OpenRead(path))
                image = PoolFileCodec.Read(stream);
            var config = image.Config;
            return inspection with
            {
                Tick = image.TickCount,
                Populations =
                [
                    $"pool '{image.Name}': {image.CellCount} cells ({image.ExcitatoryCount}E/{image.InhibitoryCount}I), {image.Synapses.Length} synapses, tick {image.TickCount}",
                    $"config: resting {config.Resting}, threshold {config.SpikeThreshold}, reset {config.Reset}, refractory {config.RefractoryTicks}, " +
                    $"trace decay {config.TraceDecay}, homeostatic rate {config.HomeostaticRate}, max synapses/neuron {config.MaxSynapsesPerNeuron}, " +
                    $"stdp +{config.StdpPositive}/{config.StdpNegative}, max delay {config.MaxDelay}",
                ],
            };
        }
        catch (PoolFormatException error)
        {
            return inspection with { Error = error.Message };
        }
    }
}
