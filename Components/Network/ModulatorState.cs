using System.Runtime.InteropServices;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Components.Network;

/// <summary>A modulator (network.md, "Modulators"): its action, target, schedule, constants and terms.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct ModulatorState : IComponent
{
    /// <inheritdoc />
    public static string StableName => "network.modulator";

    /// <summary>The event.</summary>
    public ModulatorAction Action;
    // Declared padding, so it is always zero (world bytes and state hashes are raw bytes).
#pragma warning disable CS0169
    private byte padding1;
    private short padding2;
#pragma warning restore CS0169
    /// <summary>The pool or projection entity (<see cref="ModulatorAction.WritePort"/> uses <see cref="Port"/>).</summary>
    public Entity Target;
    /// <summary>The input port range of a <see cref="ModulatorAction.WritePort"/> modulator.</summary>
    public PortRef Port;
    /// <summary>Creation order among all network objects.</summary>
    public ulong Order;
    /// <summary>First active world tick.</summary>
    public ulong Start;
    /// <summary>First world tick no longer active (<see cref="ulong.MaxValue"/>: never stops).</summary>
    public ulong Stop;
    /// <summary>Active every this many ticks from <see cref="Start"/> (≥ 1).</summary>
    public ulong Every;
    /// <summary>Constant c₀ of level 0.</summary>
    public double Constant0;
    /// <summary>Constant c₀ of level 1.</summary>
    public double Constant1;
    /// <summary>Term table (one <see cref="ModulatorTerm"/> per row, in the order given).</summary>
    public TableHandle Terms;
}
