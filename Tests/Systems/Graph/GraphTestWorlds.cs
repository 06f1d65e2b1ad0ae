using GrowNet.Ecs.Components.Graph;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Graph;

namespace GrowNet.Ecs.Tests.Systems.Graph;

/// <summary>Blocks and inputs of graph.md's golden scenarios.</summary>
internal static class GraphTestWorlds
{
    /// <summary>A world with the full pipeline and one block from explicit taps.</summary>
    public static (World World, GraphBlock Block) FromTaps(GraphConfig config, GraphTapSpec taps, ulong seed = 1)
    {
        var world = Pipeline.CreateWorld(seed);
        return (world, GraphFactory.FromTaps(world, "test", config, taps));
    }

    /// <summary>A world with the full pipeline and one drawn block.</summary>
    public static (World World, GraphBlock Block) Create(GraphConfig config, ulong seed = 1)
    {
        var world = Pipeline.CreateWorld(seed);
        return (world, GraphFactory.Create(world, "test", config));
    }

    /// <summary>Stages one channel's value and runs a tick.</summary>
    public static void Tick(this GraphBlock block, float value)
    {
        block.Stage(0, value);
        block.World.Step();
    }

    /// <summary>u(t) = (float)Math.Sin(0.3·t).</summary>
    public static float Sine(long t) => (float)Math.Sin(0.3 * t);

    /// <summary>u(t) = [1, 0, −1, 0.5, −0.5][(t − 1) mod 5] of the structural-cycle golden.</summary>
    public static float Pattern(long t) => new[] { 1f, 0f, -1f, 0.5f, -0.5f }[(t - 1) % 5];

    /// <summary>
    /// The structural-cycle block of graph.md: C = 1, Hidden 1 (Identity, FromTaps (0, 2, 1)),
    /// identity-first Predictor 2, Hierarchy off, H = 4, CycleTicks 32, HiddenInDegree 1.
    /// </summary>
    public static GraphConfig CycleConfig => new()
    {
        Channels = 1, Hidden = 1, Activation = GraphActivation.Identity, Hierarchy = false, HistoryLength = 4, CycleTicks = 32,
        HiddenInDegree = 1,
    };

    /// <summary>The structural-cycle block with <paramref name="config"/> (a variant of <see cref="CycleConfig"/>).</summary>
    public static (World World, GraphBlock Block) CycleBlock(GraphConfig config)
        => FromTaps(config, new GraphTapSpec().Tap(1, 0, 2, 1f));

    /// <summary>Runs <paramref name="block"/> through ticks up to <paramref name="lastTick"/> with the pattern input.</summary>
    public static void RunPattern(GraphBlock block, long lastTick)
    {
        for (long t = block.TickCount + 1; t <= lastTick; t++)
            block.Tick(Pattern(t));
    }
}
