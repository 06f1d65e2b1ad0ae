using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>The range action of a pixel-layer pass.</summary>
internal readonly struct PixelPassAction(PixelLayerPass pass) : IRangeAction
{
    public void Execute(int start, int end) => pass.EmitRange(start, end);
}
