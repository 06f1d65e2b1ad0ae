using GrowNet.Ecs.Distributed.Exchange;
using GrowNet.Ecs.Distributed.Network;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems;

namespace GrowNet.Ecs.Perf.Distributed;

/// <summary>
/// A network stepped either in one world (one process) or on N in-process ranks whose threads
/// stay alive between calls, so a benchmark op can be "one tick of the whole network": <see cref="Step"/>
/// releases every rank for the given ticks and waits until all are done. With N ranks the ranks
/// run in parallel, each with its own world and worker threads, exchanging once per tick.
/// </summary>
public sealed class RankStepper : IDisposable
{
    private readonly World? single;
    private readonly RankWorld?[] ranks;
    private readonly SemaphoreSlim[] go;
    private readonly Thread[] threads;
    private readonly Barrier done;
    private volatile int pending;
    private volatile bool stopping;
    private Exception? failure;

    /// <summary>Builds <paramref name="plan"/> on <paramref name="rankCount"/> ranks (1 = one plain world), <paramref name="threadsPerRank"/> workers each.</summary>
    public RankStepper(Func<NetworkPlan> plan, int rankCount, int threadsPerRank, ulong seed)
    {
        ranks = new RankWorld?[rankCount];
        go = new SemaphoreSlim[rankCount];
        threads = new Thread[rankCount];
        done = new Barrier(rankCount + 1);
        if (rankCount == 1)
        {
            single = Pipeline.CreateWorld(seed);
            single.SetThreadCount(threadsPerRank);
            plan().Build(single);
            return;
        }

        var group = new InProcessRanks(rankCount);
        for (int r = 0; r < rankCount; r++)
        {
            int rank = r;
            go[r] = new SemaphoreSlim(0);
            threads[r] = new Thread(() => RankLoop(group[rank], plan, threadsPerRank, seed), 16 << 20) { IsBackground = true, Name = $"rank {rank}" };
            threads[r].Start();
        }

        done.SignalAndWait();
        if (failure is not null)
            throw new InvalidOperationException("A rank failed to build.", failure);
    }

    /// <summary>Exchange message bytes all ranks sent so far.</summary>
    public long BytesSent => ranks.Sum(r => r?.Exchange.BytesSent ?? 0);

    /// <summary>Spikes all ranks sent so far.</summary>
    public long SpikesSent => ranks.Sum(r => r?.Exchange.SpikesSent ?? 0);

    /// <summary>Seconds the exchange system took on each rank so far (packing, the collective, unpacking, and waiting for the slower rank).</summary>
    public double[] ExchangeSeconds => ranks.Select(r => r is null ? 0 : r.World.Scheduler.Timings.First(t => t.Name == "RankExchange").Total.TotalSeconds).ToArray();

    /// <summary>The world of rank 0 (or the one world).</summary>
    public World FirstWorld => single ?? ranks[0]!.World;

    /// <summary>Runs <paramref name="ticks"/> ticks of the whole network.</summary>
    public void Step(int ticks)
    {
        if (single is not null)
        {
            for (int t = 0; t < ticks; t++)
                single.Step();
            return;
        }

        pending = ticks;
        foreach (var semaphore in go)
            semaphore.Release();
        done.SignalAndWait();
        if (failure is not null)
            throw new InvalidOperationException("A rank failed.", failure);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (single is not null)
        {
            single.Dispose();
            return;
        }

        stopping = true;
        foreach (var semaphore in go)
            semaphore.Release();
        foreach (var thread in threads)
            thread.Join();
    }

    private void RankLoop(IRankExchange exchange, Func<NetworkPlan> plan, int threadsPerRank, ulong seed)
    {
        try
        {
            var network = plan();
            var world = RankWorld.Build(network, PopulationRanks.Assign(network.Populations, exchange.Size), new RankChannel(exchange), seed, threadsPerRank);
            ranks[exchange.Rank] = world;
            done.SignalAndWait();
            while (true)
            {
                go[exchange.Rank].Wait();
                if (stopping)
                    break;
                for (int t = 0; t < pending; t++)
                    world.Step();
                done.SignalAndWait();
            }

            world.Dispose();
        }
        catch (Exception error)
        {
            failure ??= error;
            done.RemoveParticipant();
        }
    }
}
