namespace GrowNet.Ecs.Engine.Models;

/// <summary>
/// What a population is made from: a family's config record, as the C# API and a scenario file
/// both take it. <see cref="Validate"/> runs before anything is created.
/// </summary>
public interface IPopulationDefinition
{
    /// <summary>The family this definition belongs to (e.g. <c>pool</c>).</summary>
    string Family { get; }

    /// <summary>Checks every field.</summary>
    /// <exception cref="ModelConfigException">A field is invalid; the exception names it.</exception>
    void Validate();
}
