namespace GrowNet.Ecs.Engine.Models;

/// <summary>A population definition or config field is invalid; <see cref="Field"/> names it.</summary>
public sealed class ModelConfigException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="field"/> (a dotted path, e.g. <c>config.maxDelay</c>).</summary>
    public ModelConfigException(string field, string message)
        : base($"{field}: {message}", field) => Field = field;

    /// <summary>The invalid field, as a dotted path within the definition.</summary>
    public string Field { get; }
}
