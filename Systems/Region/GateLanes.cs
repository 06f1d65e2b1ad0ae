using System.Runtime.CompilerServices;
using GrowNet.Ecs.Systems.Lanes;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// The weight rule (<see cref="GrowNet.Ecs.Components.Region.WeightRule"/>) on imprinted,
/// unfrozen weights, one per lane of <typeparamref name="TLanes"/>: the same IEEE
/// operations per lane as the scalar rule, so any width gives its bits. Hits are held as 64-bit
/// integer lanes. Shared by the gate kernel (one gate per lane) and the slot chains (one slot
/// per lane).
/// </summary>
/// <typeparam name="TLanes">The lane width.</typeparam>
internal readonly struct GateLanes<TLanes> where TLanes : struct, ILaneVector<TLanes>
{
    private readonly TLanes delta;
    private readonly TLanes minusOne;
    private readonly TLanes one;
    private readonly TLanes decay;
    private readonly TLanes beta;
    private readonly TLanes betaTimesZero;
    private readonly TLanes eta;
    private readonly TLanes rStar;
    private readonly TLanes saturation;

    /// <summary>The rule for a gate phase.</summary>
    public GateLanes(in GateContext g)
        : this(g.Delta, g.Weight.HitSaturation, 1 - g.Weight.Beta, g.Weight.Beta, g.Weight.Eta, g.Weight.RStar)
    {
    }

    /// <summary>The rule for a slot-layer pass.</summary>
    public GateLanes(in KernelConstants k)
        : this(k.Delta, k.Saturation, k.Decay, k.Beta, k.Eta, k.RStar)
    {
    }

    private GateLanes(double delta, int saturation, double decay, double beta, double eta, double rStar)
    {
        this.delta = TLanes.Broadcast(delta);
        minusOne = TLanes.Broadcast(-1.0);
        one = TLanes.Broadcast(1.0);
        this.decay = TLanes.Broadcast(decay);
        this.beta = TLanes.Broadcast(beta);
        // beta × (fired ? 1 : 0) is exactly beta or beta × 0 (signed zero): selecting the product
        // instead of multiplying takes a multiply off the chain from one compare to the next.
        betaTimesZero = TLanes.Broadcast(beta * 0.0);
        this.eta = TLanes.Broadcast(eta);
        this.rStar = TLanes.Broadcast(rStar);
        this.saturation = TLanes.BroadcastInt64(saturation);
    }

    /// <summary>Mask of the lanes whose hits are below the cap.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TLanes BelowCap(TLanes hits) => TLanes.LessThanInt64(hits, saturation);

    /// <summary>Whether any lane of the four groups is below the hit cap.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool AnyBelowCap(TLanes a, TLanes b, TLanes c, TLanes d)
        => TLanes.AnySet(TLanes.Or(TLanes.Or(BelowCap(a), BelowCap(b)), TLanes.Or(BelowCap(c), BelowCap(d))));

    /// <summary>
    /// The strengths after reinforcing the lanes set in <paramref name="below"/> (below the hit
    /// cap, taking part): a step of delta clamped to [−1, 1]. Their hits grow by one with
    /// <c>TLanes.SubtractInt64(hits, below)</c>. (Values in, values out: a struct passed by
    /// reference would pin the lanes to the stack.)
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TLanes Reinforced(TLanes strength, TLanes below)
    {
        // Math.Clamp's own tests (below −1: −1; above 1: 1; otherwise, NaN included, the value):
        // two compares and selects, where IEEE min/max take about nine instructions each without AVX-512.
        var moved = TLanes.Add(strength, delta);
        var clamped = TLanes.Select(TLanes.LessThan(moved, minusOne), minusOne, TLanes.Select(TLanes.GreaterThan(moved, one), one, moved));
        return TLanes.Select(below, clamped, strength);
    }

    /// <summary>The rate's decayed part, <c>(1 − β) × ema</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TLanes Decayed(TLanes ema) => TLanes.Multiply(decay, ema);

    /// <summary>The new rate from its decayed part: <c>+ β</c> where <paramref name="fired"/>, else <c>+ β × 0</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TLanes Ema(TLanes decayed, TLanes fired) => TLanes.Add(decayed, TLanes.Select(fired, beta, betaTimesZero));

    /// <summary>The new rate of a lane that fired.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TLanes EmaIfFired(TLanes decayed) => TLanes.Add(decayed, beta);

    /// <summary>The new rate of a lane that did not fire.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TLanes EmaIfNot(TLanes decayed) => TLanes.Add(decayed, betaTimesZero);

    /// <summary>
    /// One fire's update of a threshold and rate at the lanes' (already reinforced) strength:
    /// returns the fired mask (<c>strength &gt; threshold</c>) and advances both. Every fire
    /// step of the gate passes and the slot chains is this one.
    /// Both outcomes' rate and step are computed before the compare resolves (each exactly the
    /// rule's operations for that outcome) and then selected, so the chain from one threshold to
    /// the next is compare, select, add instead of the whole rate update.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TLanes Advance(TLanes strength, ref TLanes threshold, ref TLanes ema)
    {
        var decayed = Decayed(ema);
        var emaIf = EmaIfFired(decayed);
        var emaElse = EmaIfNot(decayed);
        var stepIf = Step(emaIf);
        var stepElse = Step(emaElse);
        var fired = TLanes.GreaterThan(strength, threshold);
        ema = TLanes.Select(fired, emaIf, emaElse);
        threshold = TLanes.Add(threshold, TLanes.Select(fired, stepIf, stepElse));
        return fired;
    }

    /// <summary>The threshold step for the new rate: <c>η × (ema − r*)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TLanes Step(TLanes ema) => TLanes.Multiply(eta, TLanes.Subtract(ema, rStar));
}
