using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>The range action of a slot-layer pass: phase A entry or phase B deliveries for a block of neurons.</summary>
internal readonly struct SlotPassAction(SlotLayerPass pass, bool flush) : IRangeAction
{
    public void Execute(int start, int end)
    {
        if (flush)
            pass.FlushRange(start, end);
        else
            pass.EntryRange(start, end);
    }
}
