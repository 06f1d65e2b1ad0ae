using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// Copies each range's events into the queue rows reserved for it (index = range): ranges write
/// disjoint row ranges, so they can run in parallel and the queues still end up in range order.
/// </summary>
internal readonly struct MergeAction(RangeResult[] results, OutgoingTract[] outgoing) : IRangeAction
{
    public void Execute(int start, int end)
    {
        for (int b = start; b < end; b++)
        {
            var result = results[b];
            var cursor = result.Cursor;
            for (int i = 0; i < result.EmitCount; i++)
            {
                int slot = result.EmitTract[i];
                var tract = outgoing[slot];
                int at = cursor[slot]++;
                tract.QueueSource[at] = result.EmitSource[i];
                tract.QueueTarget[at] = result.EmitTarget[i];
                tract.QueueValue[at] = result.EmitValue[i];
            }
        }
    }
}
