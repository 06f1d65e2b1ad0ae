using System.Runtime.InteropServices;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Components.Network;

/// <summary>
/// A resolved port address <c>population/port[start..start+length)</c> (network.md, "Ports"):
/// the population entity, the port's index among its ports and the element range. Stored in
/// network components; checked against the population's ports after a load.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct PortRef
{
    /// <summary>The population entity.</summary>
    public Entity Population;
    /// <summary>Index of the port among the population's ports.</summary>
    public int Port;
    /// <summary>First element.</summary>
    public int Start;
    /// <summary>Number of elements.</summary>
    public int Length;

    /// <summary>Creates a reference.</summary>
    public PortRef(Entity population, int port, int start, int length)
    {
        Population = population;
        Port = port;
        Start = start;
        Length = length;
    }
}
