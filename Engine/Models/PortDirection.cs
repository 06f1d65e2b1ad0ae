namespace GrowNet.Ecs.Engine.Models;

/// <summary>Whether a port is read (an output of its population) or written (an input).</summary>
public enum PortDirection : byte
{
    /// <summary>Read by links, modulators and recorders; written only by the population's own systems.</summary>
    Output,
    /// <summary>Written by the host, sources and links; read by the population's systems.</summary>
    Input,
}
