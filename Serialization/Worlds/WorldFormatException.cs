namespace GrowNet.Ecs.Serialization.Worlds;

/// <summary>
/// The one exception a world load or inspection throws for bad input: the message names what is
/// wrong (bad magic, unsupported version, truncated section at an offset, checksum mismatch,
/// violated invariant).
/// </summary>
public sealed class WorldFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WorldFormatException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with the byte offset where the problem was found.</summary>
    public WorldFormatException(string message, long offset) : base($"{message} (at byte {offset})")
    {
        Offset = offset;
    }

    /// <summary>Creates the exception wrapping the lower-level error that revealed the problem.</summary>
    public WorldFormatException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Byte offset of the problem, when known.</summary>
    public long? Offset { get; }
}
