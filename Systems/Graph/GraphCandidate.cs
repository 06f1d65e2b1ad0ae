using GrowNet.Ecs.Components.Graph;

namespace GrowNet.Ecs.Systems.Graph;

/// <summary>One row of a predictor's candidate table (diagnostics).</summary>
/// <param name="Source">Candidate source node j.</param>
/// <param name="Lag">Candidate lag k.</param>
/// <param name="State">Shortlisted or Warm.</param>
/// <param name="Snr">SNR found at mid-cycle (0 before).</param>
/// <param name="Shadow">Shadow weight δ (Warm).</param>
/// <param name="ShadowSquaredError">S_R so far (Warm).</param>
public readonly record struct GraphCandidate(int Source, int Lag, GraphCandidateState State, double Snr, float Shadow, double ShadowSquaredError);
