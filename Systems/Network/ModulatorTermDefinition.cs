using GrowNet.Ecs.Components.Network;

namespace GrowNet.Ecs.Systems.Network;

/// <summary>
/// One term <c>coefficient · a · b</c> of a modulator level: <paramref name="A"/> (and optionally
/// <paramref name="B"/>) are port addresses pooled with <paramref name="ReduceA"/>/<paramref name="ReduceB"/>.
/// </summary>
/// <param name="Level">0 = dopamine / acetylcholine / the written value, 1 = cortisol.</param>
/// <param name="Coefficient">The coefficient (finite).</param>
/// <param name="A">First factor's address (any port; inputs read back what is staged).</param>
/// <param name="ReduceA">How A is pooled.</param>
/// <param name="B">Second factor's address, or null.</param>
/// <param name="ReduceB">How B is pooled.</param>
public sealed record ModulatorTermDefinition(int Level, double Coefficient, string A, Reduction ReduceA = Reduction.Mean,
    string? B = null, Reduction ReduceB = Reduction.Mean);
