namespace GrowNet.Ecs.Serialization.PoolFiles;

/// <summary>
/// Thrown when bytes offered as a <c>.pool</c> file are not a valid neuropool 0.1 pool file:
/// wrong magic, unsupported version, damaged (CRC mismatch), truncated, or inconsistent. The
/// message says what is wrong and, where it is known, at which byte.
/// </summary>
public sealed class PoolFormatException : Exception
{
    /// <summary>Creates the exception with a message and no known position.</summary>
    /// <param name="message">What is wrong with the file.</param>
    public PoolFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the file offset it concerns.</summary>
    /// <param name="message">What is wrong with the file.</param>
    /// <param name="byteOffset">Offset from the start of the file of the offending field.</param>
    public PoolFormatException(string message, long byteOffset)
        : base(message)
    {
        ByteOffset = byteOffset;
    }

    /// <summary>Creates the exception with a message and the exception that revealed the problem.</summary>
    /// <param name="message">What is wrong with the file.</param>
    /// <param name="innerException">The underlying failure.</param>
    public PoolFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Offset from the start of the file of the offending field, when known; otherwise null.</summary>
    public long? ByteOffset { get; }
}
