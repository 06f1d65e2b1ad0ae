using System.Runtime.InteropServices;

namespace GrowNet.Ecs.Components.Network;

/// <summary>
/// One term <c>c · a · b</c> of a modulator level (network.md, "Modulators"): a coefficient times
/// one or two pooled port values, read at the end of the previous tick.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct ModulatorTerm
{
    /// <summary>Flag: the term has a second factor <see cref="B"/>.</summary>
    public const byte HasSecondFactor = 1;

    /// <summary>Which level the term adds to (0 = dopamine / acetylcholine / port value, 1 = cortisol).</summary>
    public byte Level;
    /// <summary><see cref="HasSecondFactor"/> or 0.</summary>
    public byte Flags;
    /// <summary>How <see cref="A"/> is pooled.</summary>
    public Reduction ReduceA;
    /// <summary>How <see cref="B"/> is pooled.</summary>
    public Reduction ReduceB;
    // Declared padding, so it is always zero (world bytes and state hashes are raw bytes).
#pragma warning disable CS0169
    private int padding4;
#pragma warning restore CS0169
    /// <summary>The coefficient.</summary>
    public double Coefficient;
    /// <summary>First factor's port range.</summary>
    public PortRef A;
    /// <summary>Second factor's port range (when flagged).</summary>
    public PortRef B;
    /// <summary>A's pooled value at the end of the previous tick.</summary>
    public double ValueA;
    /// <summary>B's pooled value at the end of the previous tick.</summary>
    public double ValueB;
}
