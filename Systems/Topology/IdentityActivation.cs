using System.Runtime.CompilerServices;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>The identity clipped to [−1, 1], so activations stay in range.</summary>
public readonly struct IdentityActivation : IActivationOperator
{
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Invoke(float z) => LaneMath.Clamp(z, -1f, 1f);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TLanes Invoke<TLanes>(TLanes z) where TLanes : struct, ILanes16<TLanes>
        => LaneMath.Clamp(z, TLanes.Broadcast(-1f), TLanes.Broadcast(1f));
}
