using System.Diagnostics;

namespace GrowNet.Ecs.Serialization;

/// <summary>
/// Writes a file so that a crash or exception never leaves a partial file at the target: the
/// content goes to a temporary file in the same folder, is flushed to disk, and is then renamed
/// over the target. On failure the temporary file is deleted and an existing target is intact.
/// Temporary files of writers that died (killed mid-save) are removed by the next save to the
/// same path, and errors name the target, never the temporary file.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>, atomically.</summary>
    /// <exception cref="IOException">The file cannot be written; the message names <paramref name="path"/>.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full) ?? throw new ArgumentException($"'{path}' has no folder.", nameof(path));
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"Folder '{folder}' does not exist.");
        if (Directory.Exists(full))
            throw new IOException($"Cannot write '{path}': it is a directory.");
        string name = Path.GetFileName(full);
        RemoveStaleTemporaries(folder, name);
        string temporary = Path.Combine(folder, TemporaryName(name, Environment.ProcessId, Guid.NewGuid()));
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"Cannot write '{path}': {error.Message.Replace(temporary, full, StringComparison.Ordinal)}", error);
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    /// <summary>The hidden temporary name a writer with process id <paramref name="processId"/> uses for <paramref name="fileName"/>.</summary>
    public static string TemporaryName(string fileName, int processId, Guid unique) => $".{fileName}.{processId}.{unique:N}.tmp";

    /// <summary>
    /// Deletes temporary files left in <paramref name="folder"/> for <paramref name="fileName"/> by
    /// processes that no longer run (a save killed with SIGKILL cannot clean up after itself).
    /// Files of live processes, this one included, are left alone: they may be saving right now.
    /// </summary>
    /// <returns>How many files were removed.</returns>
    public static int RemoveStaleTemporaries(string folder, string fileName)
    {
        int removed = 0;
        string prefix = "." + fileName + ".";
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateFiles(folder, prefix + "*.tmp");
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return 0;
        }

        foreach (string file in candidates)
        {
            string rest = Path.GetFileName(file)[prefix.Length..^".tmp".Length];
            int dot = rest.IndexOf('.');
            if (dot <= 0 || !int.TryParse(rest.AsSpan(0, dot), out int processId) || rest.Length - dot - 1 != 32)
                continue;
            if (processId != Environment.ProcessId && !IsRunning(processId) && TryDelete(file))
                removed++;
        }

        return removed;
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool TryDelete(string file)
    {
        try
        {
            if (!File.Exists(file))
                return false;
            File.Delete(file);
            return true;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
