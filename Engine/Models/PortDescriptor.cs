namespace GrowNet.Ecs.Engine.Models;

/// <summary>
/// One port of a population as it is now: its name, direction, element type and length. Lengths
/// follow growth (a region layer that gains neurons has a longer <c>fired</c> port).
/// </summary>
/// <param name="Name">Port name, unique within its population (e.g. <c>spikes</c>, <c>L0.fired</c>).</param>
/// <param name="Direction">Output (read) or input (written).</param>
/// <param name="Element">Element type.</param>
/// <param name="Length">Number of elements.</param>
public readonly record struct PortDescriptor(string Name, PortDirection Direction, PortElement Element, int Length)
{
    /// <inheritdoc />
    public override string ToString()
        => $"{Name} ({(Direction == PortDirection.Output ? "out" : "in")}, {Element}[{Length}])";
}
