using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Serialization.Worlds;

namespace GrowNet.Ecs.Cli;

/// <summary>
/// A path a command will save to, checked before the run starts (so a long run does not end in a
/// failed save) and remembered as it was then, so that a second process saving to the same path
/// in the meantime is noticed and reported instead of silently overwritten.
/// </summary>
public sealed class SaveTarget
{
    private readonly DateTime? lastWriteAtStart;
    private readonly long lengthAtStart;

    private SaveTarget(string option, string path)
    {
        Option = option;
        Path = path;
        var info = new FileInfo(path);
        if (info.Exists)
        {
            lastWriteAtStart = info.LastWriteTimeUtc;
            lengthAtStart = info.Length;
        }
    }

    /// <summary>The option the path came from (for messages), e.g. <c>--save</c>.</summary>
    public string Option { get; }

    /// <summary>The path as given.</summary>
    public string Path { get; }

    /// <summary>
    /// Checks a save path: not empty, not a directory, its folder exists, and its extension is one
    /// of <paramref name="extensions"/> (a world file is <c>.gnw</c>; only neuropool writers may use
    /// <c>.pool</c>). Null when no path was given.
    /// </summary>
    /// <exception cref="CliUsageException">The path is unusable; the message says why.</exception>
    public static SaveTarget? Check(string? path, string option = "--save", params string[] extensions)
    {
        if (path is null)
            return null;
        OutputPaths.Check(path, option);
        var allowed = extensions.Length == 0 ? [WorldCodec.Extension] : extensions;
        string extension = System.IO.Path.GetExtension(path);
        if (!allowed.Any(e => string.Equals(e, extension, StringComparison.OrdinalIgnoreCase)))
        {
            string why = string.Equals(extension, ".pool", StringComparison.OrdinalIgnoreCase)
                ? " (.pool is the neuropool 0.1 format; only 'pool run' writes it)"
                : "";
            throw new CliUsageException($"{option}: '{path}' must end in {string.Join(" or ", allowed)}{why}.");
        }

        return new SaveTarget(option, path);
    }

    /// <summary>Whether the file was created, replaced or changed since <see cref="Check"/>.</summary>
    public bool ChangedSinceCheck()
    {
        var info = new FileInfo(Path);
        if (!info.Exists)
            return false;
        return lastWriteAtStart is not { } before || info.LastWriteTimeUtc != before || info.Length != lengthAtStart;
    }

    /// <summary>Saves <paramref name="world"/> atomically, warning first when another writer changed the file meanwhile.</summary>
    public void SaveWorld(World world, CliContext context)
    {
        WarnIfChanged(context);
        WorldCodec.SaveFile(world, Path);
        context.Output.WriteLine($"Saved world (tick {world.Tick}): {Path}");
    }

    /// <summary>Writes a warning on stderr when the file changed since the run started.</summary>
    public void WarnIfChanged(CliContext context)
    {
        if (ChangedSinceCheck())
            context.Error.WriteLine($"warning: '{Path}' was written by someone else since this run started; it is overwritten now.");
    }
}
