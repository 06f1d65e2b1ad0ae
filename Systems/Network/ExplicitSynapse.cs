namespace GrowNet.Ecs.Systems.Network;

/// <summary>One synapse of an explicit projection: source cell of A, target cell of B, weight, delay.</summary>
/// <param name="Source">Cell of the source pool.</param>
/// <param name="Target">Cell of the target pool.</param>
/// <param name="Weight">Signed weight (the sign must follow Dale's law of the source cell).</param>
/// <param name="Delay">Delay, 1..the projection's max delay.</param>
public readonly record struct ExplicitSynapse(int Source, int Target, sbyte Weight, byte Delay);
