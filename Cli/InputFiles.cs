namespace GrowNet.Ecs.Cli;

/// <summary>Checks of input file arguments, turned into one-line messages instead of raw .NET ones.</summary>
public static class InputFiles
{
    /// <summary>Throws when <paramref name="path"/> is empty, a directory or missing.</summary>
    /// <param name="path">The path as given.</param>
    /// <param name="what">What the file is, for the message (e.g. <c>World file</c>).</param>
    /// <exception cref="CliUsageException">The path is empty or a directory.</exception>
    /// <exception cref="FileNotFoundException">No file is there.</exception>
    public static void Check(string? path, string what)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new CliUsageException($"{what}: the path is empty.");
        if (Directory.Exists(path))
            throw new CliUsageException($"{what} '{path}' is a directory, not a file.");
        if (!File.Exists(path))
            throw new FileNotFoundException($"{what} '{path}' not found.", path);
    }
}
