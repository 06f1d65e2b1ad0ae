using System.Runtime.CompilerServices;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// The weight rule (<see cref="GrowNet.Ecs.Components.Region.WeightRule"/>) on eight imprinted,
/// unfrozen weights at a time, the lanes of <typeparamref name="TLanes"/>: the same IEEE
/// operations per lane as the scalar rule, so any width gives its bits. Hits are held as 64-bit
/// integer lanes. Shared by the gate kernel (one gate per lane) and the slot chains (one slot
/// per lane).
/// </summary>
/// <typeparam name="TLanes">The lane width.</typeparam>
internal readonly struct GateLanes<TLanes> where TLanes : struct, ILanes8<TLanes>
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

    /// <summary>Reinforcement of the lanes below the hit cap: strength steps (clamped to [−1, 1]) and the hit counts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Reinforce(ref TLanes strength, ref TLanes hits) => Reinforce(ref strength, ref hits, BelowCap(hits));

    /// <summary>Reinforcement of the lanes set in <paramref name="below"/> (lanes below the cap that take part).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Reinforce(ref TLanes strength, ref TLanes hits, TLanes below)
    {
        strength = TLanes.Select(below, TLanes.Min(TLanes.Max(TLanes.Add(strength, delta), minusOne), one), strength);
        hits = TLanes.SubtractInt64(hits, below);
    }

    /// <summary>Threshold update of every lane: fired = s &gt; t, the rate's EMA, the threshold step. Returns the fired bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint UpdateThreshold(TLanes strength, ref TLanes threshold, ref TLanes ema)
    {
        var fired = TLanes.GreaterThan(strength, threshold);
        ema = TLanes.Add(TLanes.Multiply(decay, ema), TLanes.Select(fired, beta, betaTimesZero));
        threshold = TLanes.Add(threshold, TLanes.Multiply(eta, TLanes.Subtract(ema, rStar)));
        return TLanes.MostSignificantBits(fired);
    }

    /// <summary>
    /// Threshold update of the lanes set in <paramref name="active"/> (the others keep their
    /// state and never fire). Both outcomes of the compare are computed before it resolves (each
    /// exactly the rule's operations for that outcome) and then selected, so the chain from one
    /// step's threshold to the next is compare, select, add rather than the whole rate update.
    /// Returns the fired bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint UpdateThreshold(TLanes strength, ref TLanes threshold, ref TLanes ema, TLanes active)
    {
        var decayed = TLanes.Multiply(decay, ema);
        var emaIf = TLanes.Add(decayed, beta);
        var emaElse = TLanes.Add(decayed, betaTimesZero);
        var stepIf = TLanes.Multiply(eta, TLanes.Subtract(emaIf, rStar));
        var stepElse = TLanes.Multiply(eta, TLanes.Subtract(emaElse, rStar));
        var fired = TLanes.And(TLanes.GreaterThan(strength, threshold), active);
        ema = TLanes.Select(active, TLanes.Select(fired, emaIf, emaElse), ema);
        threshold = TLanes.Select(active, TLanes.Add(threshold, TLanes.Select(fired, stepIf, stepElse)), threshold);
        return TLanes.MostSignificantBits(fired);
    }
}
