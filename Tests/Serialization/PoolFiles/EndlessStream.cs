namespace GrowNet.Ecs.Tests.Serialization.PoolFiles;

/// <summary>A stream that serves a prefix and then zeros forever.</summary>
internal sealed class EndlessStream(byte[] prefix) : Stream
{
    private long _position;
    public long BytesServed => _position;
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count)
    {
        for (int i = 0; i < count; i++)
            buffer[offset + i] = _position + i < prefix.Length ? prefix[_position + i] : (byte)0;
        _position += count;
        return count;
    }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
