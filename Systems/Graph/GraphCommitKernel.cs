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
        // Without branches on the update flag (Summary nodes update at random): a node that does not
        // update rewrites its current slot with the value already there, and keeps its head.
        for (int i = start; i < end; i++)
        {
            int update = updates[i];
            int slot = head[i] + update;
            slot = slot == h ? 0 : slot;
            ref float cell = ref ring[i * h + slot];
            int keep = update - 1;
            cell = BitConverter.Int32BitsToSingle((BitConverter.SingleToInt32Bits(next[i]) & ~keep) | (BitConverter.SingleToInt32Bits(cell) & keep));
            head[i] = slot;
        }
    }
}
