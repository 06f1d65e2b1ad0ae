using System.Runtime.InteropServices;
using GrowNet.Ecs.Components.Topology;

namespace GrowNet.Ecs.Systems.Topology;

/// <summary>
/// The leaky activation update of step 1, <c>x ← clip((1 − λ) x + λ σ(z), −1, 1)</c>, specialised
/// per activation operator and lane set. The clip only ever corrects rounding: a convex
/// combination of two values in [−1, 1] stays there in exact arithmetic.
/// </summary>
public static class TopologyActivationKernels
{
    /// <summary>Updates <paramref name="x"/> in place from the pre-activations <paramref name="z"/>.</summary>
    public static void Update(ActivationKind activation, Span<float> x, ReadOnlySpan<float> z, float leak)
    {
        switch (activation)
        {
            case ActivationKind.Tanh:
                Update<TanhActivation>(x, z, leak);
                break;
            case ActivationKind.Sigmoid:
                Update<SigmoidActivation>(x, z, leak);
                break;
            case ActivationKind.Relu:
                Update<ReluActivation>(x, z, leak);
                break;
            default:
                Update<IdentityActivation>(x, z, leak);
                break;
        }
    }

    /// <summary>Updates with activation <typeparamref name="TActivation"/> on the widest accelerated lane set.</summary>
    public static void Update<TActivation>(Span<float> x, ReadOnlySpan<float> z, float leak) where TActivation : IActivationOperator
    {
        if (Lanes16Vector512.IsHardwareAccelerated)
            Update<TActivation, Lanes16Vector512>(x, z, leak);
        else if (Lanes16Vector256.IsHardwareAccelerated)
            Update<TActivation, Lanes16Vector256>(x, z, leak);
        else if (Lanes16Vector128.IsHardwareAccelerated)
            Update<TActivation, Lanes16Vector128>(x, z, leak);
        else
            UpdateScalar<TActivation>(x, z, leak, 0);
    }

    /// <summary>Updates 16 vertices at a time with lane set <typeparamref name="TLanes"/>, the rest one by one.</summary>
    public static void Update<TActivation, TLanes>(Span<float> x, ReadOnlySpan<float> z, float leak)
        where TActivation : IActivationOperator where TLanes : struct, ILanes16<TLanes>
    {
        if (z.Length < x.Length)
            throw new ArgumentException("z must hold a pre-activation for every activation.", nameof(z));
        ref float xs = ref MemoryMarshal.GetReference(x);
        ref float zs = ref MemoryMarshal.GetReference(z);
        var keep = TLanes.Broadcast(1f - leak);
        var mix = TLanes.Broadcast(leak);
        var minusOne = TLanes.Broadcast(-1f);
        var one = TLanes.Broadcast(1f);
        int i = 0;
        for (; i + LaneMath.Width <= x.Length; i += LaneMath.Width)
        {
            ref float cell = ref System.Runtime.CompilerServices.Unsafe.Add(ref xs, i);
            var sigma = TActivation.Invoke(TLanes.Load(ref System.Runtime.CompilerServices.Unsafe.Add(ref zs, i)));
            var next = TLanes.Add(TLanes.Multiply(keep, TLanes.Load(ref cell)), TLanes.Multiply(mix, sigma));
            TLanes.Store(LaneMath.Clamp(next, minusOne, one), ref cell);
        }

        UpdateScalar<TActivation>(x, z, leak, i);
    }

    /// <summary>Updates vertices from <paramref name="start"/> on, one at a time.</summary>
    public static void UpdateScalar<TActivation>(Span<float> x, ReadOnlySpan<float> z, float leak, int start)
        where TActivation : IActivationOperator
    {
        if (z.Length < x.Length)
            throw new ArgumentException("z must hold a pre-activation for every activation.", nameof(z));
        float keep = 1f - leak;
        for (int i = start; i < x.Length; i++)
            x[i] = LaneMath.Clamp(keep * x[i] + leak * TActivation.Invoke(z[i]), -1f, 1f);
    }
}
