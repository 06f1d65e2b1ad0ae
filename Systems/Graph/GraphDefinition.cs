using GrowNet.Ecs.Components.Graph;
using GrowNet.Ecs.Engine.Models;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>
/// The config record of a graph block: what <see cref="GraphFactory.Create(GrowNet.Ecs.Engine.World, string, GraphDefinition)"/>
/// and a scenario's population entry take. Without <see cref="Taps"/> the Hidden nodes draw their
/// reservoir and the predictors start identity-first (graph.md, "Construction").
/// </summary>
public sealed record GraphDefinition : IPopulationDefinition
{
    /// <inheritdoc />
    public string Family => GraphFamily.FamilyName;

    /// <summary>The block's configuration (graph.md defaults).</summary>
    public GraphConfig Config { get; init; } = new();

    /// <summary>Explicit taps, biases, alphas and frequencies (<c>FromTaps</c>), or null for the drawn reservoir.</summary>
    public GraphTapSpec? Taps { get; init; }

    /// <inheritdoc />
    /// <exception cref="ModelConfigException">A config field or an explicit tap is invalid; the exception names it.</exception>
    public void Validate()
    {
        Config.Validate();
        if (Taps is not null)
            GraphTapSpecReader.Rows(Taps, Config, new GraphLayout(Config));
    }
}
