namespace GrowNet.Ecs.Distributed.Network;

/// <summary>Building one labelled item of a <see cref="NetworkPlan"/> failed; <see cref="Label"/> names the item, the inner exception why.</summary>
public sealed class PlanItemException : Exception
{
    /// <summary>Creates the exception for the item labelled <paramref name="label"/>.</summary>
    public PlanItemException(string label, Exception inner)
        : base($"{label}: {inner.Message}", inner) => Label = label;

    /// <summary>The item's label (a scenario's JSON path).</summary>
    public string Label { get; }
}
