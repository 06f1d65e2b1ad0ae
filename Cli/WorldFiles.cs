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

    /// <summary>Checks a world save path before a long run (see <see cref="SaveTarget.Check"/>); null when none was given.</summary>
    public static SaveTarget? CheckSavePath(string? path) => SaveTarget.Check(path);

    /// <summary>Saves <paramref name="world"/> atomically when a target was given, and says so.</summary>
    public static void SaveIfAsked(World world, SaveTarget? target, CliContext context) => target?.SaveWorld(world, context);

    /// <summary>Loads a world file, turning a missing file into a clear message.</summary>
    public static World Load(string path)
    {
        InputFiles.Check(path, "World file");
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
