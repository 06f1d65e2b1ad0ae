using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Distributed.Network;

/// <summary>One population output that crosses ranks every tick: what, whose, from which rank, how many elements.</summary>
public readonly record struct ExportItem(ExportKind Kind, Entity Population, int Owner, int Length);
