using GrowNet.Ecs.Engine.Models;

namespace GrowNet.Ecs.Cli.Runner;

/// <summary>
/// One entry of the scenario's <c>checkpoints</c> map: a world file <c>NAME-TICK.gnw</c> (with its
/// <c>.run.json</c> sidecar) every <see cref="Every"/> ticks, keeping the last <see cref="Keep"/>.
/// </summary>
public sealed record CheckpointDefinition
{
    /// <summary>Ticks between checkpoints (≥ 1).</summary>
    public long Every { get; init; } = 1000;

    /// <summary>How many of this entry's checkpoints to keep (≥ 1); older ones are deleted.</summary>
    public int Keep { get; init; } = 3;

    /// <summary>Checks every field.</summary>
    /// <exception cref="ModelConfigException">A field is invalid.</exception>
    public void Validate()
    {
        if (Every < 1)
            throw new ModelConfigException("every", $"is {Every}; it must be >= 1.");
        if (Keep < 1)
            throw new ModelConfigException("keep", $"is {Keep}; it must be >= 1.");
    }
}
