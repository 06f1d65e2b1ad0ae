using GrowNet.Ecs.Cli.Runner;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Cli.Demos;

/// <summary>
/// The built-in demos' scenario files (<c>scenarios/NAME.json</c>, embedded in the <c>grownet</c>
/// assembly) and how a demo runs one: through <see cref="ScenarioRunner"/>, in a temporary output
/// folder, with a reader of the world after every tick for the demo's printed lines.
/// </summary>
public static class DemoScenarios
{
    /// <summary>The text of the embedded <c>scenarios/<paramref name="name"/>.json</c>.</summary>
    /// <exception cref="ArgumentException">There is no such built-in scenario.</exception>
    public static string Text(string name)
    {
        using var stream = typeof(DemoScenarios).Assembly.GetManifestResourceStream($"scenarios/{name}.json")
            ?? throw new ArgumentException($"No built-in scenario '{name}'; built in: {string.Join(", ", Names())}.", nameof(name));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The names of the embedded scenario files.</summary>
    public static IEnumerable<string> Names()
        => typeof(DemoScenarios).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("scenarios/", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => n["scenarios/".Length..^".json".Length]).Order(StringComparer.Ordinal);

    /// <summary>Reads the built-in scenario <paramref name="name"/> with <c>PATH=VALUE</c> overrides.</summary>
    public static Scenario Load(string name, params string[] sets) => ScenarioReader.Parse(Text(name), sets);

    /// <summary>
    /// Runs <paramref name="scenario"/> to its end through the runner (its outputs go to a temporary
    /// folder that is deleted afterwards): <paramref name="atStart"/> sees the world before its first
    /// tick, <paramref name="afterTick"/> is told the world after every tick, <paramref name="atEnd"/>
    /// sees the final world before it is disposed (summary, save).
    /// </summary>
    /// <returns>0 (the run reached its end).</returns>
    /// <exception cref="DemoInterruptedException">SIGINT or SIGTERM stopped the run (reported by <c>grownet</c> with exit code 130).</exception>
    public static int Run(Scenario scenario, Action<World, long>? afterTick = null, Action<World>? atEnd = null, Action<World>? atStart = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        string folder = Path.Combine(Path.GetTempPath(), $"grownet-demo-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            using var runner = ScenarioRunner.Start(scenario, new RunOverrides { OutputDir = folder });
            var world = runner.World;
            atStart?.Invoke(world);
            if (runner.Run(null, afterTick is null ? null : tick => afterTick(world, tick)) == ScenarioRunner.InterruptedExitCode)
                throw new DemoInterruptedException(world.Tick);
            atEnd?.Invoke(world);
            return ExitCodes.Success;
        }
        finally
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
    }
}
