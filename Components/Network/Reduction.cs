namespace GrowNet.Ecs.Components.Network;

/// <summary>How a link or a modulator term pools a port range to one value (network.md, "Links": map <c>pool</c>).</summary>
public enum Reduction : byte
{
    /// <summary>Sum of the elements, in ascending element order.</summary>
    Sum,
    /// <summary>Sum divided by the element count.</summary>
    Mean,
    /// <summary>Number of true / non-zero elements.</summary>
    Count,
    /// <summary>Largest element.</summary>
    Max,
}
