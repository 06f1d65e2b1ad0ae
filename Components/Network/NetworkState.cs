using System.Runtime.InteropServices;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Components.Network;

/// <summary>The world's one network bookkeeping entity: creation counters and a change version.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct NetworkState : IComponent
{
    /// <inheritdoc />
    public static string StableName => "network.state";

    /// <summary>Order given to the next network object.</summary>
    public ulong NextOrder;
    /// <summary>Index given to the next projection.</summary>
    public int NextProjectionIndex;
    /// <summary>Bumped by every addition or removal, so the systems know to rebuild their lists.</summary>
    public uint Version;
}
