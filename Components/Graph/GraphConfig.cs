using System.Runtime.InteropServices;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Engine.Models;

namespace GrowNet.Ecs.Components.Graph;

/// <summary>
/// Configuration of a graph block (graph.md, "Construction"): what the C# builder and a scenario
/// take. Blittable, so the block entity stores it as a component and a saved world keeps it.
/// Defaults are those of graph.md; <see cref="CycleTicks"/> is not given by the spec (see
/// docs/graph.md). Knobs are float; a double formula widens them.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public record struct GraphConfig : IComponent
{
    /// <inheritdoc />
    public static string StableName => "graph.config";

    /// <summary>The defaults of graph.md with one channel and no Hidden nodes.</summary>
    public GraphConfig()
    {
    }

    /// <summary>Channels C (≥ 1): one Input node and one predictor group each.</summary>
    public int Channels { get; init; } = 1;
    /// <summary>Hidden (level-0) nodes n0 (≥ 0).</summary>
    public int Hidden { get; init; }
    /// <summary>Taps K of each Hidden node of a drawn reservoir (8).</summary>
    public int HiddenInDegree { get; init; } = 8;
    /// <summary>Ring length H (1..16, default 6).</summary>
    public int HistoryLength { get; init; } = 6;
    /// <summary>Whether Summary nodes pair the Hidden modules up to one module (true).</summary>
    public bool Hierarchy { get; init; } = true;
    // Declared padding, so it is always zero (world bytes and state hashes are raw bytes).
#pragma warning disable CS0169
    private byte padding17;
    private short padding18;
#pragma warning restore CS0169
    /// <summary>A Summary node of level ℓ updates with f = LevelFrequency^ℓ (0.5), in [0, 1].</summary>
    public float LevelFrequency { get; init; } = 0.5f;
    /// <summary>Scale of the drawn reservoir weights: uniform in ±ReservoirScale / √K (0.9).</summary>
    public float ReservoirScale { get; init; } = 0.9f;
    /// <summary>Activation of Hidden nodes (Tanh).</summary>
    public GraphActivation Activation { get; init; } = GraphActivation.Tanh;
    /// <summary>Whether a drawn reservoir may also read Summary nodes (false).</summary>
    public bool HiddenReadsSummary { get; init; }
    // Declared padding, so it is always zero (world bytes and state hashes are raw bytes).
#pragma warning disable CS0169
    private short padding30;
#pragma warning restore CS0169
    /// <summary>NLMS learning rate (0.05), ≥ 0.</summary>
    public float LearningRate { get; init; } = 0.05f;
    /// <summary>NLMS normaliser ε (1e-3), ≥ 0.</summary>
    public float NormEpsilon { get; init; } = 1e-3f;
    /// <summary>Proximal L1 λ after each NLMS step (0 = off), ≥ 0.</summary>
    public float ProxL1 { get; init; }
    /// <summary>Scale of γscale = 1/γ (1), ≥ 0.</summary>
    public float BarrierScale { get; init; } = 1f;
    /// <summary>Floor of 1 − r² under the barrier's square root (1e-4), &gt; 0.</summary>
    public float BarrierEpsilon { get; init; } = 1e-4f;
    // TapBudget is stored as a Nullable<int> would be (flag, 3 bytes, value), with the padding declared.
    private bool tapBudgetSet;
#pragma warning disable CS0169
    private byte tapBudgetPadding1;
    private short tapBudgetPadding2;
#pragma warning restore CS0169
    private int tapBudgetValue;

    /// <summary>Learnable-tap budget; null means 4 × C × MaxInDegree, ≤ 0 means no budget.</summary>
    public int? TapBudget
    {
        readonly get => tapBudgetSet ? tapBudgetValue : null;
        init
        {
            tapBudgetSet = value.HasValue;
            tapBudgetValue = value.GetValueOrDefault();
        }
    }
    /// <summary>Whether the structural cycle (shortlist, probe, commit, prune, split) runs (true).</summary>
    public bool Growth { get; init; } = true;
    // Declared padding, so it is always zero (world bytes and state hashes are raw bytes).
#pragma warning disable CS0169
    private byte padding61;
    private short padding62;
#pragma warning restore CS0169
    /// <summary>
    /// Ticks per structural cycle: a multiple of 4, with CycleTicks/2 a multiple of SnrWindows. The spec
    /// gives no default; 256 lets a shadow probe learn for 128 ticks at the default rate (docs/graph.md).
    /// </summary>
    public int CycleTicks { get; init; } = 256;
    /// <summary>Cold candidates shortlisted per predictor and cycle (16), ≥ 1.</summary>
    public int ShortlistSize { get; init; } = 16;
    /// <summary>Windows m of the SNR estimate (4), ≥ 2.</summary>
    public int SnrWindows { get; init; } = 4;
    /// <summary>Least SNR for a candidate to become Warm (1.0), ≥ 0.</summary>
    public float SnrThreshold { get; init; } = 1f;
    /// <summary>Most Warm candidates per predictor and cycle (4), ≥ 0.</summary>
    public int ProbesPerCycle { get; init; } = 4;
    /// <summary>Most commits per predictor and cycle (2), ≥ 0.</summary>
    public int CommitsPerCycle { get; init; } = 2;
    /// <summary>A commit needs Gain &gt; MinGainFraction · Sbase / n (0.01), ≥ 0.</summary>
    public float MinGainFraction { get; init; } = 0.01f;
    /// <summary>Most taps of one predictor (32), 1..255.</summary>
    public int MaxInDegree { get; init; } = 32;
    /// <summary>Learnable taps with |w| below it are pruned at cycle end (1e-4), ≥ 0.</summary>
    public float PruneEpsilon { get; init; } = 1e-4f;
    /// <summary>Cactive counts learnable taps with |w| above it (1e-3), ≥ 0.</summary>
    public float ActiveEpsilon { get; init; } = 1e-3f;
    /// <summary>Most predictors of one channel (8), ≥ 1.</summary>
    public int MaxPredictorsPerChannel { get; init; } = 8;
    /// <summary>Whether the Δ-state log records state changes (false).</summary>
    public bool DeltaLog { get; init; }
    // Declared padding, so it is always zero (world bytes and state hashes are raw bytes).
#pragma warning disable CS0169
    private byte padding109;
    private short padding110;
#pragma warning restore CS0169
    /// <summary>Least |Δ| the log records (0: every change), ≥ 0.</summary>
    public float DeltaEpsilon { get; init; }
    /// <summary>Ticks the Δ-log window spans (128), ≥ 1.</summary>
    public int DeltaHorizon { get; init; } = 128;

    /// <summary>The budget in force: <see cref="TapBudget"/>, or 4 × C × MaxInDegree when unset (≤ 0: none).</summary>
    public readonly int EffectiveTapBudget => TapBudget ?? (int)Math.Min(int.MaxValue, 4L * Channels * MaxInDegree);

    /// <summary>Throws when a field is out of range or not a number, naming the field; nothing is created from a bad config.</summary>
    /// <exception cref="ModelConfigException">A field is NaN, infinite or out of range (the field is <c>config.camelName</c>).</exception>
    public readonly void Validate()
    {
        Check(Channels >= 1, nameof(Channels), Channels, "must be ≥ 1");
        Check(Hidden >= 0, nameof(Hidden), Hidden, "must be ≥ 0");
        Check(HiddenInDegree >= 0, nameof(HiddenInDegree), HiddenInDegree, "must be ≥ 0");
        Check(HistoryLength is >= 1 and <= 16, nameof(HistoryLength), HistoryLength, "must lie in 1..16");
        CheckUnit(LevelFrequency, nameof(LevelFrequency));
        CheckNonNegative(ReservoirScale, nameof(ReservoirScale));
        Check(Enum.IsDefined(Activation), nameof(Activation), Activation, "must be Tanh or Identity");
        CheckNonNegative(LearningRate, nameof(LearningRate));
        CheckNonNegative(NormEpsilon, nameof(NormEpsilon));
        CheckNonNegative(ProxL1, nameof(ProxL1));
        CheckNonNegative(BarrierScale, nameof(BarrierScale));
        Check(float.IsFinite(BarrierEpsilon) && BarrierEpsilon > 0f, nameof(BarrierEpsilon), BarrierEpsilon, "must be a finite number > 0");
        Check(CycleTicks >= 4 && CycleTicks % 4 == 0, nameof(CycleTicks), CycleTicks, "must be a positive multiple of 4");
        Check(SnrWindows >= 2, nameof(SnrWindows), SnrWindows, "must be ≥ 2");
        Check(CycleTicks / 2 % SnrWindows == 0, nameof(SnrWindows), SnrWindows, $"must divide CycleTicks / 2 = {CycleTicks / 2}");
        Check(ShortlistSize >= 1, nameof(ShortlistSize), ShortlistSize, "must be ≥ 1");
        CheckNonNegative(SnrThreshold, nameof(SnrThreshold));
        Check(ProbesPerCycle >= 0 && ProbesPerCycle <= ShortlistSize, nameof(ProbesPerCycle), ProbesPerCycle, "must lie in 0..ShortlistSize");
        Check(CommitsPerCycle >= 0, nameof(CommitsPerCycle), CommitsPerCycle, "must be ≥ 0");
        CheckNonNegative(MinGainFraction, nameof(MinGainFraction));
        Check(MaxInDegree is >= 1 and <= 255, nameof(MaxInDegree), MaxInDegree, "must lie in 1..255");
        CheckNonNegative(PruneEpsilon, nameof(PruneEpsilon));
        CheckNonNegative(ActiveEpsilon, nameof(ActiveEpsilon));
        Check(MaxPredictorsPerChannel >= 1, nameof(MaxPredictorsPerChannel), MaxPredictorsPerChannel, "must be ≥ 1");
        CheckNonNegative(DeltaEpsilon, nameof(DeltaEpsilon));
        Check(DeltaHorizon >= 1, nameof(DeltaHorizon), DeltaHorizon, "must be ≥ 1");
    }

    private static void Check<T>(bool condition, string field, T value, string rule)
    {
        if (!condition)
            throw new ModelConfigException(FieldPath(field), $"GraphConfig.{field} {rule} (got {value}).");
    }

    private static void CheckNonNegative(float value, string field)
        => Check(float.IsFinite(value) && value >= 0f, field, value, "must be a finite number ≥ 0");

    private static void CheckUnit(float value, string field)
        => Check(value is >= 0f and <= 1f, field, value, "must be a number in [0, 1]");

    /// <summary>The dotted field path of a config property (e.g. <c>config.historyLength</c>).</summary>
    public static string FieldPath(string property) => $"config.{char.ToLowerInvariant(property[0])}{property[1..]}";
}
