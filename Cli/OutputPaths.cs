namespace GrowNet.Ecs.Cli;

/// <summary>Checks of output file options before a run starts, as one-line messages instead of raw .NET ones.</summary>
public static class OutputPaths
{
    /// <summary>Throws when <paramref name="path"/> (if given) is empty, names a directory, or its folder is missing.</summary>
    /// <exception cref="CliUsageException">The path is empty or a directory; the message names <paramref name="option"/>.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist (a file error, exit code 1).</exception>
    public static void Check(string? path, string option)
    {
        if (path is null)
            return;
        if (string.IsNullOrWhiteSpace(path))
            throw new CliUsageException($"{option}: the path is empty.");
        if (Directory.Exists(path) || path.EndsWith('/') || path.EndsWith(Path.DirectorySeparatorChar))
            throw new CliUsageException($"{option}: '{path}' is a directory; give a file name.");
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
            throw new DirectoryNotFoundException($"{option}: directory '{folder}' does not exist.");
    }
}
