using System.Diagnostics;

namespace GrowNet.Ecs.Cli.Bench.AB;

/// <summary>Runs a child process to its end, capturing its output.</summary>
public static class ProcessRunner
{
    /// <summary>Runs <paramref name="file"/> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>; returns its exit code and combined output.</summary>
    /// <exception cref="BenchInputException">The program could not be started.</exception>
    public static (int ExitCode, string Output) Run(string file, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        try
        {
            using var process = Process.Start(start) ?? throw new BenchInputException($"Could not start '{file}'.");
            var error = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output + error.Result);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new BenchInputException($"Could not start '{file}': {ex.Message}", ex);
        }
    }

    /// <summary>The <c>dotnet</c> host running this process (or <c>dotnet</c> on the PATH).</summary>
    public static string DotnetHost()
    {
        string? path = Environment.ProcessPath;
        return path is not null && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
    }

    /// <summary>The last non-empty line of <paramref name="output"/> (a child's error message), or "(no output)".</summary>
    public static string LastLine(string output)
        => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "(no output)";
}
