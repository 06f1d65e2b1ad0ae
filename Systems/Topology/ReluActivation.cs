using System.Runtime.CompilerServices;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>The rectifier capped at 1, <c>min(max(z, 0), 1)</c>, so activations stay in [−1, 1].</summary>
public readonly struct ReluActivation : IActivationOperator
{
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Invoke(float z) => LaneMath.Clamp(z, 0f, 1f);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TLanes Invoke<TLanes>(TLanes z) where TLanes : struct, ILanes16<TLanes>
        => LaneMath.Clamp(z, TLanes.Zero, TLanes.Broadcast(1f));
}
