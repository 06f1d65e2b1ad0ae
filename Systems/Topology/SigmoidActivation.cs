using System.Runtime.CompilerServices;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>The logistic sigmoid <c>1 / (1 + e^−z)</c>, in (0, 1).</summary>
public readonly struct SigmoidActivation : IActivationOperator
{
    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Invoke(float z) => 1f / (1f + ActivationMath.Exp(0f - z));

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TLanes Invoke<TLanes>(TLanes z) where TLanes : struct, ILanes16<TLanes>
    {
        var one = TLanes.Broadcast(1f);
        var negated = TLanes.Subtract(TLanes.Zero, z);
        return TLanes.Divide(one, TLanes.Add(one, ActivationMath.Exp(negated)));
    }
}
