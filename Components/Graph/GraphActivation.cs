namespace GrowNet.Ecs.Components.Graph;

/// <summary>The activation of Hidden nodes (graph.md, "Tick, exact order", step 1).</summary>
public enum GraphActivation : byte
{
    /// <summary><c>next = tanh(z)</c> (default).</summary>
    Tanh,
    /// <summary><c>next = z</c>.</summary>
    Identity,
}
