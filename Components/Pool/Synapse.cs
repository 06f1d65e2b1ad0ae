using System.Runtime.InteropServices;

namespace GrowNet.Ecs.Components.Pool;

/// <summary>
/// One pool synapse, 8 bytes in neuropool 0.1 field order (so a CSR store is written to a
/// <c>.pool</c> file as raw bytes): target, weight, delay, eligibility, maturity, 2 reserved bytes.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 1, Size = 8)]
public struct Synapse
{
    /// <summary>Post-synaptic cell (row of the pool's cell table).</summary>
    public ushort Target;
    /// <summary>Signed weight; its sign follows Dale's law from the source cell.</summary>
    public sbyte Weight;
    /// <summary>Axonal delay in ticks, 1..MaxDelay.</summary>
    public byte Delay;
    /// <summary>STDP eligibility trace.</summary>
    public sbyte Eligibility;
    /// <summary>Thermal maturity byte: <c>(counter &lt;&lt; 2) | state</c>; see <see cref="Maturity"/>.</summary>
    public byte Maturity;
    /// <summary>Reserved (always 0 in neuropool 0.1 files).</summary>
    public ushort Reserved;

    /// <summary>Creates a synapse.</summary>
    public Synapse(ushort target, sbyte weight, byte delay, sbyte eligibility, byte maturity)
    {
        Target = target;
        Weight = weight;
        Delay = delay;
        Eligibility = eligibility;
        Maturity = maturity;
        Reserved = 0;
    }
}
