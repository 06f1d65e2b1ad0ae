using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>The range action of a slot-layer pass: phase A entry or phase B deliveries for a range of neurons.</summary>
internal readonly struct SlotPassAction(in SlotPassContext context, bool flush) : IRangeAction
{
    private readonly SlotPassContext context = context;

    public void Execute(int start, int end)
    {
        if (flush)
            SlotKernel.FlushRange(in context, start, end);
        else
            SlotKernel.EntryRange(in context, start, end);
    }
}
