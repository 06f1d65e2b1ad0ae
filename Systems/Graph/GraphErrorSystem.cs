using GrowNet.Ecs.Components.Graph;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>
/// Step 2, error (Modulation phase, graph.md): per channel, <c>ŷ_c = Σ_g alpha_g · x_g</c> over the
/// group in ascending order (from 0) from this tick's predictor values, and <c>e_c = u_c(t) − ŷ_c</c>.
/// </summary>
public sealed class GraphErrorSystem : ISystem
{
    private readonly List<Entity> blocks = new();

    /// <inheritdoc />
    public string Name => "GraphError";

    /// <inheritdoc />
    public void Update(World world)
    {
        GraphBlocks.CollectLocal(world, blocks);
        foreach (var entity in blocks)
            Run(new GraphArrays(world, world.Get<GraphState>(entity)));
    }

    private static void Run(in GraphArrays a)
    {
        for (int c = 0; c < a.ChannelCount; c++)
        {
            float prediction = 0f;
            for (int g = a.FirstPredictor[c]; g >= 0; g = a.GroupNext[g])
                prediction += a.Alpha[g] * a.Next[g];
            a.Prediction[c] = prediction;
            a.Error[c] = a.ChannelInput[c] - prediction;
        }
    }
}
