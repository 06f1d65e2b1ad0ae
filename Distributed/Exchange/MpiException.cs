namespace GrowNet.Ecs.Distributed.Exchange;

/// <summary>An MPI call failed; the message names the call and MPI's error text.</summary>
public sealed class MpiException : Exception
{
    /// <summary>Creates the exception for <paramref name="call"/>.</summary>
    public MpiException(string call, string message)
        : base($"MPI {call}: {message}") => Call = call;

    /// <summary>The MPI call (MPI_Allgatherv, …) or "load".</summary>
    public string Call { get; }
}
