namespace GrowNet.Ecs.Systems.Graph;

/// <summary>One tap of a target node: it reads <c>lag(Lag)</c> of <paramref name="Source"/> with weight <paramref name="Weight"/>.</summary>
/// <param name="Source">Source node index.</param>
/// <param name="Lag">Lag k in 0..H − 1.</param>
/// <param name="Weight">Weight w.</param>
public readonly record struct GraphTap(int Source, int Lag, float Weight);
