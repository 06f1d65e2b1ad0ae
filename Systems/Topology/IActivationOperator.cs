namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// An activation σ as an operator struct (the TensorPrimitives style): the JIT specialises the
/// update loop for each implementation, with no delegate or virtual call per element. The scalar
/// and lane forms perform the same operations, so results do not depend on which one ran.
/// </summary>
public interface IActivationOperator
{
    /// <summary>σ(z) for one value; the result lies in [−1, 1].</summary>
    static abstract float Invoke(float z);

    /// <summary>σ(z) lane-wise, bit-identical to <see cref="Invoke(float)"/> in every lane.</summary>
    static abstract TLanes Invoke<TLanes>(TLanes z) where TLanes : struct, ILanes16<TLanes>;
}
