using System.Runtime.InteropServices;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Components.Graph;

/// <summary>
/// Per-block scalars and the handles of the block's tables; a component of the block entity
/// (together with <see cref="GraphConfig"/>). Everything a tick needs lives here or in the
/// tables, so the generic world codec saves a block and a loaded block resumes exactly.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct GraphState : IComponent
{
    /// <inheritdoc />
    public static string StableName => "graph.state";

    /// <summary>Node table (see <see cref="GraphColumns"/>).</summary>
    public TableHandle Nodes;
    /// <summary>Ring table: H rows per node.</summary>
    public TableHandle Rings;
    /// <summary>Tap table: compressed rows by target node.</summary>
    public TableHandle Taps;
    /// <summary>Channel table: one row per channel.</summary>
    public TableHandle Channels;
    /// <summary>Candidate table: ShortlistSize rows per predictor.</summary>
    public TableHandle Candidates;
    /// <summary>SNR window table: SnrWindows rows per candidate row.</summary>
    public TableHandle Windows;
    /// <summary>Δ-log entries, a ring of N × DeltaHorizon rows (empty when the log is off).</summary>
    public TableHandle DeltaEntries;
    /// <summary>Δ-log per-tick states: DeltaHorizon + 1 rows per node (empty when the log is off).</summary>
    public TableHandle DeltaStates;
    /// <summary>Events of the last cycle-end structural step (probes, commits, prunes, splits), in order.</summary>
    public TableHandle Events;
    /// <summary>Ticks completed by the block (the tick being run is Tick + 1).</summary>
    public long Tick;
    /// <summary>Index of the first predictor node; predictors occupy rows PredictorStart .. N − 1.</summary>
    public int PredictorStart;
    /// <summary>Highest hierarchy level Lmax.</summary>
    public int MaxLevel;
    /// <summary>Cstruct: learnable (predictor) taps in the block.</summary>
    public int Cstruct;
    /// <summary>Warm candidates in the block.</summary>
    public int WarmCount;
    /// <summary>γscale = 1/γ used by the last tick.</summary>
    public float GammaScale;
    // Declared padding, so it is always zero (world bytes and state hashes are raw bytes).
#pragma warning disable CS0169
    private int padding100;
#pragma warning restore CS0169
    /// <summary>Warm → Hot commits since creation.</summary>
    public long Commits;
    /// <summary>Commits that displaced a tap under the budget, since creation.</summary>
    public long Displacements;
    /// <summary>Taps pruned since creation.</summary>
    public long Prunes;
    /// <summary>Clone-and-splits since creation.</summary>
    public long Splits;
    /// <summary>Cycles completed.</summary>
    public long CompletedCycles;
    /// <summary>Δ-log: ring row of the oldest entry.</summary>
    public int DeltaFirst;
    /// <summary>Δ-log: entries held.</summary>
    public int DeltaCount;
}
