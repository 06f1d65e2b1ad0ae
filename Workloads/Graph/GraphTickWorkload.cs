using GrowNet.Ecs.Components.Graph;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Graph;

namespace GrowNet.Ecs.Workloads.Graph;

/// <summary>
/// The graph benchmark block (graph.md's performance case): 2 048 Hidden nodes with K = 8, the
/// hierarchy's Summary nodes, 16 channels of fixed sine inputs, cycles of 64 ticks, grown for 16
/// cycles when created. Shared by <c>Perf/Graph</c> and <c>grownet bench</c>.
/// </summary>
public sealed class GraphTickWorkload : IDisposable
{
    /// <summary>Ticks of one structural cycle of the block.</summary>
    public const int CycleTicks = 64;

    private readonly float[][] inputs;
    private int next;

    private GraphTickWorkload(World world, GraphBlock block, float[][] inputs)
    {
        World = world;
        Block = block;
        this.inputs = inputs;
    }

    /// <summary>The block's configuration.</summary>
    public static GraphConfig Config => new() { Channels = 16, Hidden = 2048, HiddenInDegree = 8, CycleTicks = CycleTicks };

    /// <summary>The world (seed 11).</summary>
    public World World { get; }

    /// <summary>The block.</summary>
    public GraphBlock Block { get; }

    /// <summary>Builds the block on <paramref name="threads"/> threads (0 = one per processor) and grows it for 16 cycles.</summary>
    public static GraphTickWorkload Create(int threads)
    {
        var world = Pipeline.CreateWorld(11);
        world.SetThreadCount(threads);
        var block = GraphFactory.Create(world, "bench", Config);
        var inputs = Enumerable.Range(0, 997).Select(t => Enumerable.Range(0, 16).Select(c => (float)Math.Sin(0.05 * t * (c + 1) + c)).ToArray()).ToArray();
        var workload = new GraphTickWorkload(world, block, inputs);
        for (int t = 0; t < 16 * CycleTicks; t++)
            workload.Step();
        return workload;
    }

    /// <summary>One world tick with the next inputs staged.</summary>
    public void Step()
    {
        Block.Stage(inputs[next]);
        next = (next + 1) % inputs.Length;
        World.Step();
    }

    /// <summary>Tap reads of one gather: every Hidden tap and every learnable tap.</summary>
    public int TapReadsPerTick => Enumerable.Range(Block.ChannelCount, Config.Hidden).Sum(h => Block.Taps(h).Length) + Block.Cstruct;

    /// <inheritdoc />
    public void Dispose() => World.Dispose();
}
