using GrowNet.Ecs.Engine;
using System.Runtime.InteropServices;

namespace GrowNet.Ecs.Components.Region;

/// <summary>
/// A lateral (layer) or region bus (grownet.md "Buses"): one-tick inhibition and modulation and
/// the step counter. A component of every layer entity and of the region entity.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct BusState : IComponent
{
    /// <inheritdoc />
    public static string StableName => "region.bus";

    /// <summary>Inhibition factor read by reinforcement this phase. Default 0.</summary>
    public double Inhibition;
    /// <summary>Modulation factor read by reinforcement this phase. Default 1.</summary>
    public double Modulation;
    /// <summary>Factor inhibition is multiplied by at the end of every tick. Default 0.9.</summary>
    public double InhibitionDecay;
    /// <summary>Completed ticks (the growth and pruning clock).</summary>
    public long CurrentStep;
    /// <summary>Pulses written during the current phase.</summary>
    public BusPulses Pending;

    // Declared padding, so it is always zero (world bytes and state hashes are raw bytes).
#pragma warning disable CS0169
    private byte padding33;
    private short padding34;
    private int padding36;
#pragma warning restore CS0169

    /// <summary>A fresh bus at <paramref name="step"/>.</summary>
    public static BusState Create(double inhibitionDecay, long step = 0) => new()
    {
        Inhibition = 0,
        Modulation = 1,
        InhibitionDecay = inhibitionDecay,
        CurrentStep = step,
    };

    /// <summary>End-of-tick decay: inhibition ×= decay, modulation = 1, step + 1.</summary>
    public void Decay()
    {
        Inhibition *= InhibitionDecay;
        Modulation = 1;
        CurrentStep += 1;
    }

    /// <summary>Applies the pending pulses (a phase boundary).</summary>
    public void ApplyPending(double inhibitionPulse, double modulationPulse)
    {
        if ((Pending & BusPulses.Inhibition) != 0)
            Inhibition = inhibitionPulse;
        if ((Pending & BusPulses.Modulation) != 0)
            Modulation = modulationPulse;
        Pending = BusPulses.None;
    }
}
