namespace GrowNet.Ecs.Distributed.Exchange;

/// <summary>Takes the next chunk of rank <paramref name="rank"/>'s data (<see cref="RankChannel.GatherAll"/>).</summary>
public delegate void ChunkReceiver(int rank, ReadOnlySpan<byte> chunk);
