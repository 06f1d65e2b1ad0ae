using GrowNet.Ecs.Distributed.Exchange;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Network;
using GrowNet.Ecs.Systems.Pool;

namespace GrowNet.Ecs.Distributed.Network;

/// <summary>
/// One rank's part of a distributed network (docs/distributed.md): a world holding the whole
/// description, in which the populations and objects of other ranks are remote shells, plus the
/// per-tick exchanges: one after the pools' spike step, and one before the network reads its
/// ports when ports other than pool and source outputs are read across ranks. Stepping it on every rank gives,
/// per population, the bytes one process gives; <see cref="GatherToRankZero"/> makes rank 0's
/// world the one-process world.
/// </summary>
public sealed class RankWorld : IDisposable
{
    private RankWorld(World world, PopulationRanks ranks, RankChannel channel)
    {
        World = world;
        Ranks = ranks;
        Channel = channel;
        Layout = new RankLayout(world, ranks);
        world.ReleaseRemotePorts();
        Layout.MarkRemote(world, channel.Rank);
        Exchange = new RankExchangeSystem(channel, Layout);
        world.Scheduler.AddAfter<PoolSpikeSystem>(Exchange);
        if (RankPortExchangeSystem.IsNeeded(Layout))
        {
            PortExchange = new RankPortExchangeSystem(world, channel, Layout);
            world.Scheduler.AddBefore<NetworkInputSystem>(PortExchange);
        }
    }

    /// <summary>This rank's world.</summary>
    public World World { get; }

    /// <summary>The placement.</summary>
    public PopulationRanks Ranks { get; }

    /// <summary>The channel to the other ranks.</summary>
    public RankChannel Channel { get; }

    /// <summary>Who owns what, and what crosses ranks.</summary>
    public RankLayout Layout { get; }

    /// <summary>The per-tick exchange (bytes and spikes sent).</summary>
    public RankExchangeSystem Exchange { get; }

    /// <summary>The exchange of other ports read across ranks, first in the tick (null when no such port is read).</summary>
    public RankPortExchangeSystem? PortExchange { get; }

    /// <summary>This rank.</summary>
    public int Rank => Channel.Rank;

    /// <summary>
    /// Builds <paramref name="plan"/> for this rank into a new world with <paramref name="seed"/>
    /// (a collective: every rank calls it). A rank whose build fails tells the others, which then
    /// throw <see cref="RankFailedException"/> too.
    /// </summary>
    public static RankWorld Build(NetworkPlan plan, PopulationRanks ranks, RankChannel channel, ulong seed, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Guard(channel, () =>
        {
            var world = Pipeline.CreateWorld(seed);
            try
            {
                if (threads > 0)
                    world.SetThreadCount(threads);
                plan.Build(world, ranks, channel.Rank);
                return Attach(world, ranks, channel);
            }
            catch
            {
                world.Dispose();
                throw;
            }
        });
    }

    /// <summary>
    /// Makes <paramref name="world"/> (this rank's world, built by <see cref="Build"/> or loaded from
    /// this rank's checkpoint) a rank world: marks the remote entities and inserts the exchange.
    /// Ends with a barrier, so every rank has checked its layout before the first tick.
    /// </summary>
    public static RankWorld Attach(World world, PopulationRanks ranks, RankChannel channel)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(ranks);
        ArgumentNullException.ThrowIfNull(channel);
        if (ranks.Size != channel.Size)
            throw new ArgumentException($"The placement is for {ranks.Size} ranks; the run has {channel.Size}.", nameof(ranks));
        var rankWorld = Guard(channel, () => new RankWorld(world, ranks, channel));
        channel.Barrier();
        return rankWorld;
    }

    /// <summary>Runs one tick on this rank (a collective).</summary>
    public void Step() => Guard(Channel, () =>
    {
        World.Step();
        return 0;
    });

    /// <summary>Gathers every rank's state into rank 0's world (a collective); rank 0's world is then whole.</summary>
    public void GatherToRankZero() => Guard(Channel, () =>
    {
        WorldGather.ToRankZero(World, Layout, Channel);
        return 0;
    });

    /// <summary>
    /// Runs <paramref name="body"/>; when it fails on this rank, the failure is sent to every other
    /// rank (<see cref="RankChannel.Fail"/>) before it is rethrown, so no rank waits for this one.
    /// </summary>
    public static T Guard<T>(RankChannel channel, Func<T> body)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return body();
        }
        catch (RankFailedException)
        {
            throw;
        }
        catch (Exception error)
        {
            channel.Fail(error is PlanItemException ? error.Message : $"{error.GetType().Name}: {error.Message}");
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose() => World.Dispose();
}
