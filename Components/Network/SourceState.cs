using System.Runtime.InteropServices;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Components.Network;

/// <summary>A generated input (network.md, "Sources"): what it writes where, when, and its tables.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct SourceState : IComponent
{
    /// <inheritdoc />
    public static string StableName => "network.source";

    /// <summary>The input port range written (its length is the source's <c>value</c> port length).</summary>
    public PortRef To;
    // Declared padding, so it is always zero (world bytes and state hashes are raw bytes).
#pragma warning disable CS0169
    private int padding20;
#pragma warning restore CS0169
    /// <summary>Creation order among all network objects; also the source's key in the counter-based random.</summary>
    public ulong Order;
    /// <summary>The signal.</summary>
    public SourceKind Kind;
    /// <summary>Set or add.</summary>
    public WriteMode Write;
    // Declared padding, so it is always zero (world bytes and state hashes are raw bytes).
#pragma warning disable CS0169
    private short padding34;
    private int padding36;
#pragma warning restore CS0169
    /// <summary>Signal parameters (meaning by <see cref="Kind"/>).</summary>
    public double P0, P1, P2, P3;
    /// <summary>First active world tick.</summary>
    public ulong Start;
    /// <summary>First world tick no longer active (<see cref="ulong.MaxValue"/>: never stops).</summary>
    public ulong Stop;
    /// <summary>Active every this many ticks from <see cref="Start"/> (≥ 1).</summary>
    public ulong Every;
    /// <summary>Ticks each frame of a sequence or file is held (≥ 1).</summary>
    public int Hold;
    /// <summary>Number of frames (sequence and file sources).</summary>
    public int FrameCount;
    /// <summary>Value table: the <c>value</c> port (what the source wrote this tick).</summary>
    public TableHandle Values;
    /// <summary>Frame table (sequence and file sources): FrameCount × length values, frame after frame.</summary>
    public TableHandle Frames;
    /// <summary>Path table (file sources): the file path as UTF-8 bytes, one per row.</summary>
    public TableHandle Path;
    /// <summary>SHA-256 of the file (file sources), as four little-endian words.</summary>
    public ulong Sha0, Sha1, Sha2, Sha3;
}
