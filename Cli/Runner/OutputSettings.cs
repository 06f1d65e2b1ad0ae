using GrowNet.Ecs.Engine.Models;

namespace GrowNet.Ecs.Cli.Runner;

/// <summary>The scenario's <c>output</c> object: where recordings, checkpoints and the report go.</summary>
public sealed record OutputSettings
{
    /// <summary>Output folder, relative to the current directory (created when missing).</summary>
    public string Dir { get; init; } = "out";

    /// <summary>Seconds between heartbeat lines when stdout is not a terminal (≥ 0.1).</summary>
    public double HeartbeatSeconds { get; init; } = 5;

    /// <summary>Checks every field.</summary>
    /// <exception cref="ModelConfigException">A field is invalid.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Dir))
            throw new ModelConfigException("dir", "must name a folder.");
        if (!(HeartbeatSeconds >= 0.1) || double.IsInfinity(HeartbeatSeconds))
            throw new ModelConfigException("heartbeatSeconds", $"is {HeartbeatSeconds}; it must be a finite number >= 0.1.");
    }
}
