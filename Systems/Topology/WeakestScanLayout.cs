namespace GrowNet.Ecs.Systems.Topology;

/// <summary>How a weakest-edge scan is cut: rows per chunk, chunks, and each chunk's region of the key buffer.</summary>
/// <param name="RowsPerChunk">Rows each chunk scans.</param>
/// <param name="ChunkCount">Number of chunks.</param>
/// <param name="Capacity">Keys each chunk's region of the buffer holds.</param>
internal readonly record struct WeakestScanLayout(int RowsPerChunk, int ChunkCount, int Capacity);
