using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>
/// Step 4, commit (graph.md): every node that updates pushes <c>next</c> into its ring
/// (<c>head = (head + 1) % H</c>); a node that does not update keeps ring and head. Each node
/// writes only its own ring, so any block split gives the same bytes.
/// </summary>
internal readonly struct GraphCommitKernel : IRangeAction
{
    private readonly int[] head;
    private readonly float[] ring;
    private readonly float[] next;
    private readonly byte[] updates;
    private readonly int h;

    public GraphCommitKernel(in GraphArrays a, int historyLength)
    {
        head = a.Head;
        ring = a.Ring;
        next = a.Next;
        updates = a.Updates;
        h = historyLength;
    }

    public void Execute(int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            if (updates[i] == 0)
                continue;
            int slot = head[i] + 1;
            if (slot == h)
                slot = 0;
            ring[i * h + slot] = next[i];
            head[i] = slot;
        }
    }
}
