namespace GrowNet.Ecs.Distributed.Exchange;

/// <summary>
/// A reusable barrier for in-process ranks that can be broken: after <see cref="Abort"/> every
/// waiting and every later caller throws <see cref="RankFailedException"/> instead of waiting forever.
/// </summary>
internal sealed class AbortableBarrier(int participants)
{
    private readonly object gate = new();
    private int arrived;
    private long generation;
    private string? abortMessage;
    private int abortRank;

    public void SignalAndWait()
    {
        lock (gate)
        {
            ThrowIfAborted();
            long mine = generation;
            if (++arrived == participants)
            {
                arrived = 0;
                generation++;
                Monitor.PulseAll(gate);
                return;
            }

            while (generation == mine && abortMessage is null)
                Monitor.Wait(gate);
            if (generation == mine)
                ThrowIfAborted();
        }
    }

    public void Abort(int rank, string message)
    {
        lock (gate)
        {
            if (abortMessage is null)
                abortRank = rank;
            abortMessage ??= message;
            Monitor.PulseAll(gate);
        }
    }

    private void ThrowIfAborted()
    {
        if (abortMessage is not null)
            throw new RankFailedException(abortRank, abortMessage);
    }
}
