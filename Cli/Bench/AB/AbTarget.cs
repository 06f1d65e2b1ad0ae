namespace GrowNet.Ecs.Cli.Bench.AB;

/// <summary>
/// The other build of an A/B run: a <c>grownet.dll</c> given directly (or its folder), or a git
/// ref checked out into a temporary git worktree and built there with <c>dotnet build -c Release</c>
/// (the worktree is removed on dispose).
/// </summary>
public sealed class AbTarget : IDisposable
{
    private readonly string? repository;
    private readonly string? worktree;

    private AbTarget(string dllPath, string description, string? repository, string? worktree)
    {
        DllPath = dllPath;
        Description = description;
        this.repository = repository;
        this.worktree = worktree;
    }

    /// <summary>The other build's <c>grownet.dll</c>.</summary>
    public string DllPath { get; }

    /// <summary>What it is, for the report header.</summary>
    public string Description { get; }

    /// <summary>Resolves <paramref name="other"/>; builds a git ref, logging to <paramref name="log"/>.</summary>
    /// <exception cref="BenchInputException">Neither an existing <c>grownet.dll</c> nor a git ref of this checkout, or its build failed.</exception>
    public static AbTarget Resolve(string other, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(log);
        if (File.Exists(other))
        {
            if (!other.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                throw new BenchInputException($"--ab: '{other}' is a file but not a .dll; give another build's grownet.dll or a git ref.");
            return new AbTarget(Path.GetFullPath(other), $"build {Path.GetFullPath(other)}", null, null);
        }

        if (Directory.Exists(other) && File.Exists(Path.Combine(other, "grownet.dll")))
            return new AbTarget(Path.GetFullPath(Path.Combine(other, "grownet.dll")), $"build {Path.GetFullPath(other)}", null, null);
        return BuildRef(other, log);
    }

    private static AbTarget BuildRef(string gitRef, TextWriter log)
    {
        string here = Path.GetDirectoryName(typeof(AbTarget).Assembly.Location) ?? Environment.CurrentDirectory;
        var (topCode, top) = ProcessRunner.Run("git", ["-C", Environment.CurrentDirectory, "rev-parse", "--show-toplevel"]);
        if (topCode != 0)
            (topCode, top) = ProcessRunner.Run("git", ["-C", here, "rev-parse", "--show-toplevel"]);
        if (topCode != 0)
            throw new BenchInputException($"--ab: '{gitRef}' is not an existing grownet.dll, and there is no git checkout here to read it as a ref.");
        string repository = top.Trim().Split('\n')[0].Trim();
        var (verify, commit) = ProcessRunner.Run("git", ["-C", repository, "rev-parse", "--verify", "--quiet", gitRef + "^{commit}"]);
        if (verify != 0)
            throw new BenchInputException($"--ab: '{gitRef}' is neither an existing grownet.dll nor a git ref of {repository}.");
        string worktree = Path.Combine(Path.GetTempPath(), $"grownet-ab-{Guid.NewGuid():N}");
        var (added, addOutput) = ProcessRunner.Run("git", ["-C", repository, "worktree", "add", "--detach", worktree, commit.Trim()]);
        if (added != 0)
            throw new BenchInputException($"--ab: git worktree add failed for '{gitRef}': {ProcessRunner.LastLine(addOutput)}");
        var target = new AbTarget(Path.Combine(worktree, "Cli", "bin", "Release", "net10.0", "grownet.dll"),
            $"git ref {gitRef} ({commit.Trim()[..Math.Min(12, commit.Trim().Length)]}), built in {worktree}", repository, worktree);
        log.WriteLine($"Building {gitRef} in {worktree} (dotnet build -c Release) ...");
        var (built, buildOutput) = ProcessRunner.Run(ProcessRunner.DotnetHost(), ["build", Path.Combine(worktree, "Cli"), "-c", "Release", "-nologo", "-v", "q"]);
        if (built != 0 || !File.Exists(target.DllPath))
        {
            target.Dispose();
            throw new BenchInputException($"--ab: building '{gitRef}' failed: {ProcessRunner.LastLine(buildOutput)}");
        }

        return target;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (repository is not null && worktree is not null && Directory.Exists(worktree))
            ProcessRunner.Run("git", ["-C", repository, "worktree", "remove", "--force", worktree]);
    }
}
