using System.Runtime.CompilerServices;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>Sixteen scalar lane sums on the stack, for the sparse and scalar paths of W·x.</summary>
[InlineArray(LaneMath.Width)]
internal struct LaneAccumulator
{
    private float element;
}
