using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Distributed.Network;

/// <summary>
/// One population output that crosses ranks every tick: what, whose, from which rank, how many
/// elements; for <see cref="ExportKind.Port"/> also which port and its first element.
/// </summary>
public readonly record struct ExportItem(ExportKind Kind, Entity Population, int Owner, int Length, int Port = -1, int Start = 0);
