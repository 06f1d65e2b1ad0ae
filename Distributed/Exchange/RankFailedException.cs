namespace GrowNet.Ecs.Distributed.Exchange;

/// <summary>Another rank (or this one) failed; the run ends on every rank with its message.</summary>
public sealed class RankFailedException : Exception
{
    /// <summary>Creates the exception for a failure on rank <paramref name="rank"/>.</summary>
    public RankFailedException(int rank, string message)
        : base($"rank {rank} failed: {message}")
    {
        FailedRank = rank;
        RankMessage = message;
    }

    /// <summary>The rank that failed.</summary>
    public int FailedRank { get; }

    /// <summary>What that rank reported.</summary>
    public string RankMessage { get; }
}
