using GrowNet.Ecs.Components.Pool;

namespace GrowNet.Ecs.Systems.Pool;

/// <summary>
/// A growable CSR under construction: synapses appended row by row in source order. Used by
/// the generators and by synaptogenesis before the result is written into a pool's tables.
/// </summary>
public sealed class SynapseRows
{
    private Synapse[] synapses;
    private readonly uint[] rowStart;
    private int currentRow;

    /// <summary>Starts an empty CSR for <paramref name="cells"/> rows.</summary>
    public SynapseRows(int cells, int expectedSynapses = 0)
    {
        rowStart = new uint[cells + 1];
        synapses = new Synapse[Math.Max(16, expectedSynapses)];
    }

    /// <summary>Synapses appended so far.</summary>
    public int Count { get; private set; }

    /// <summary>Row starts (length cells + 1) once <see cref="Complete"/> has run.</summary>
    public ReadOnlySpan<uint> RowStart => rowStart;

    /// <summary>The synapses appended so far.</summary>
    public ReadOnlySpan<Synapse> Synapses => synapses.AsSpan(0, Count);

    /// <summary>Starts row <paramref name="row"/> (rows are opened in ascending order; skipped rows are empty).</summary>
    public void BeginRow(int row)
    {
        if (row < currentRow)
            throw new InvalidOperationException("Rows must be opened in ascending order.");
        for (int r = currentRow + 1; r <= row; r++)
            rowStart[r] = (uint)Count;
        currentRow = row;
    }

    /// <summary>Appends a synapse to the open row.</summary>
    public void Add(in Synapse synapse)
    {
        if (Count == synapses.Length)
            Array.Resize(ref synapses, synapses.Length * 2);
        synapses[Count++] = synapse;
    }

    /// <summary>Closes every remaining row.</summary>
    public void Complete()
    {
        for (int r = currentRow + 1; r < rowStart.Length; r++)
            rowStart[r] = (uint)Count;
    }
}
