using GrowNet.Ecs.Engine.Models;

namespace GrowNet.Ecs.Cli.Runner;

/// <summary>
/// One entry of the scenario's <c>inputs</c> map: a value the host writes once, before the first
/// tick, to an input port range (<c>population/port[from..to]</c>), e.g. a pool's held
/// <c>current</c>. It is world state, so a checkpoint keeps it.
/// </summary>
public sealed record InputDefinition
{
    /// <summary>The port written, <c>population/port</c> or <c>population/port[from..to]</c>.</summary>
    public string Target { get; init; } = "";

    /// <summary>The value written to every element of the range (converted to the port's type).</summary>
    public double Value { get; init; }

    /// <summary>Checks the fields that do not need the world.</summary>
    /// <exception cref="ModelConfigException">A field is invalid.</exception>
    public void Validate()
    {
        if (!PortReference.TryParse(Target, out _, out string? problem))
            throw new ModelConfigException("target", problem!);
        if (!double.IsFinite(Value))
            throw new ModelConfigException("value", "must be finite.");
    }
}
