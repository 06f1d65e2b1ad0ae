using System.CommandLine;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Serialization.Worlds;

namespace GrowNet.Ecs.Cli;

/// <summary>Shared handling of <c>.gnw</c> world files by the commands (save option, checks, messages).</summary>
public static class WorldFiles
{
    /// <summary>A <c>--save FILE.gnw</c> option with the given description.</summary>
    public static Option<string?> SaveOption(string description) => new("--save")
    {
        HelpName = "FILE.gnw",
        Description = description,
    };

    /// <summary>Whether <paramref name="path"/> names a world file (by its extension).</summary>
    public static bool IsWorldFile(string path) => string.Equals(Path.GetExtension(path), WorldCodec.Extension, StringComparison.OrdinalIgnoreCase);

    /// <summary>Fails early (before a long run) when the folder of a save path does not exist.</summary>
    public static void CheckSavePath(string? path)
    {
        if (path is null)
            return;
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
            throw new DirectoryNotFoundException($"--save: directory '{folder}' does not exist.");
    }

    /// <summary>Saves <paramref name="world"/> atomically when a path was given, and says so.</summary>
    public static void SaveIfAsked(World world, string? path, CliContext context)
    {
        if (path is null)
            return;
        WorldCodec.SaveFile(world, path);
        context.Output.WriteLine($"Saved world (tick {world.Tick}): {path}");
    }

    /// <summary>Loads a world file, turning a missing file into a clear message.</summary>
    public static World Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"World file '{path}' not found.", path);
        try
        {
            return WorldCodec.LoadFile(path);
        }
        catch (WorldFormatException error)
        {
            throw new WorldFormatException($"'{path}' is not a valid world file: {error.Message}", error);
        }
    }
}
