namespace GrowNet.Ecs.Engine;

/// <summary>
/// Work over a half-open range of indices, implemented by a struct so the JIT specialises the
/// parallel driver for it (no delegate, no boxing per call).
/// </summary>
public interface IRangeAction
{
    /// <summary>Processes indices [start, end).</summary>
    void Execute(int start, int end);
}
