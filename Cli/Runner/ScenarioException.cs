namespace GrowNet.Ecs.Cli.Runner;

/// <summary>
/// A scenario file is invalid: <see cref="JsonPath"/> names the offending value (e.g.
/// <c>$.recordings.raster.population</c>). Reported as one line, exit code 2.
/// </summary>
public sealed class ScenarioException : Exception
{
    /// <summary>Creates the exception for the value at <paramref name="jsonPath"/>.</summary>
    public ScenarioException(string jsonPath, string problem)
        : base($"{jsonPath}: {problem}")
    {
        JsonPath = jsonPath;
        Problem = problem;
    }

    /// <summary>JSON path of the invalid value (<c>$</c> is the whole file).</summary>
    public string JsonPath { get; }

    /// <summary>What is wrong, without the path.</summary>
    public string Problem { get; }
}
