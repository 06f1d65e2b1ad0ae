using System.Diagnostics;
using System.Reflection;

namespace GrowNet.Ecs.Cli.Bench.Results;

/// <summary>Which source a run's build came from.</summary>
/// <param name="Commit">The commit id, or "unknown".</param>
/// <param name="Source">Where it was found: "git" (git rev-parse in the build's folder), "assembly" (the informational version's "+sha"), or "none".</param>
public sealed record CommitInfo(string Commit, string Source)
{
    /// <summary>
    /// The commit of the build this code runs from: <c>git rev-parse HEAD</c> in the folder of the
    /// <c>grownet</c> assembly (its build output lies inside the checkout), else the commit the SDK
    /// stamped into the assembly's informational version.
    /// </summary>
    public static CommitInfo Find()
    {
        var assembly = typeof(CommitInfo).Assembly;
        string? folder = Path.GetDirectoryName(assembly.Location);
        if (folder is not null && GitHead(folder) is { } head)
            return new CommitInfo(head, "git");
        string? version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        int plus = version?.IndexOf('+', StringComparison.Ordinal) ?? -1;
        return plus >= 0 ? new CommitInfo(version![(plus + 1)..], "assembly") : new CommitInfo("unknown", "none");
    }

    private static string? GitHead(string folder)
    {
        try
        {
            var start = new ProcessStartInfo("git", ["-C", folder, "rev-parse", "HEAD"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var git = Process.Start(start);
            if (git is null)
                return null;
            string output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit(5000);
            return git.HasExited && git.ExitCode == 0 && output.Length >= 7 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no git on this machine
        }
    }
}
