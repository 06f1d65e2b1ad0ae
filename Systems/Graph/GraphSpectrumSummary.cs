namespace GrowNet.Ecs.Systems.Graph;

/// <summary>
/// <c>SpectrumSummary(g)</c> (graph.md, "Sorted spectra"): nearest-rank quantiles of g's tap weights,
/// the (up to) 4 largest |w| and the L2 norm; all zero for an empty row.
/// </summary>
/// <param name="Min">Smallest weight.</param>
/// <param name="Q25">q25 = sorted[ceil(0.25 n) − 1].</param>
/// <param name="Median">q50.</param>
/// <param name="Q75">q75.</param>
/// <param name="Max">Largest weight.</param>
/// <param name="Largest">The 4 largest |w|, descending (ties → lower (source, lag)); fewer when n &lt; 4.</param>
/// <param name="Norm">L2 norm in double, summed in row order.</param>
public sealed record GraphSpectrumSummary(float Min, float Q25, float Median, float Q75, float Max, IReadOnlyList<float> Largest, double Norm);
