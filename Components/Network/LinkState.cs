using System.Runtime.InteropServices;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Components.Network;

/// <summary>A link from an output port range to an input port range (network.md, "Links").</summary>
[StructLayout(LayoutKind.Sequential)]
public struct LinkState : IComponent
{
    /// <inheritdoc />
    public static string StableName => "network.link";

    /// <summary>Flag: <see cref="EmaRate"/> applies.</summary>
    public const byte EmaFlag = 1;
    /// <summary>Flag: the value is clamped to [<see cref="ClampMin"/>, <see cref="ClampMax"/>].</summary>
    public const byte ClampFlag = 2;

    /// <summary>The output port range read.</summary>
    public PortRef From;
    /// <summary>The input port range written.</summary>
    public PortRef To;
    /// <summary>Creation order among all network objects.</summary>
    public ulong Order;
    /// <summary>Elementwise or pool-then-broadcast.</summary>
    public LinkMap Map;
    /// <summary>The reduction of a pooling link.</summary>
    public Reduction Reduce;
    /// <summary>Set or add.</summary>
    public WriteMode Write;
    /// <summary><see cref="EmaFlag"/> | <see cref="ClampFlag"/>.</summary>
    public byte Flags;
    // Declared padding, so it is always zero (world bytes and state hashes are raw bytes).
#pragma warning disable CS0169
    private int padding52;
#pragma warning restore CS0169
    /// <summary>EMA rate β: <c>m = (1 − β)·m + β·v</c>.</summary>
    public double EmaRate;
    /// <summary>Gain.</summary>
    public double Gain;
    /// <summary>Offset.</summary>
    public double Offset;
    /// <summary>Lower clamp bound.</summary>
    public double ClampMin;
    /// <summary>Upper clamp bound.</summary>
    public double ClampMax;
    /// <summary>Value table: per mapped element (1 for a pooling link) the snapshot read this tick and the EMA state.</summary>
    public TableHandle Values;
}
