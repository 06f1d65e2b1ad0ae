namespace GrowNet.Ecs.Engine.Models;

/// <summary>The element type of a port (network.md, "Ports").</summary>
public enum PortElement : byte
{
    /// <summary>bool: reads as 0 or 1; a write stores <c>value != 0</c>.</summary>
    Bool,
    /// <summary>sbyte (i8): a write rounds half away from zero, then saturates.</summary>
    Int8,
    /// <summary>short (i16): a write rounds half away from zero, then saturates.</summary>
    Int16,
    /// <summary>int (i32): a write rounds half away from zero, then saturates.</summary>
    Int32,
    /// <summary>float: a write rounds to the nearest float.</summary>
    Float32,
    /// <summary>double: stored as is.</summary>
    Float64,
}
