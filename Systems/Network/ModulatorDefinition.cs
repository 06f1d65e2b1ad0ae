using GrowNet.Ecs.Components.Network;
using GrowNet.Ecs.Engine.Models;

namespace GrowNet.Ecs.Systems.Network;

/// <summary>
/// The config record of a modulator (network.md, "Modulators"): every <see cref="Every"/> ticks in
/// [<see cref="Start"/>, <see cref="Stop"/>), in the Modulation phase, it computes its levels
/// <c>c₀ + Σ cₖ·a_k·b_k</c> from port values pooled at the end of the previous tick and triggers
/// <see cref="Action"/> on <see cref="Target"/>.
/// </summary>
public sealed record ModulatorDefinition
{
    /// <summary>The event.</summary>
    public ModulatorAction Action { get; init; } = ModulatorAction.Modulate;

    /// <summary>A pool or projection name; for <see cref="ModulatorAction.WritePort"/> an input port address.</summary>
    public required string Target { get; init; }

    /// <summary>Constant of level 0 (dopamine, acetylcholine, or the written value).</summary>
    public double Constant0 { get; init; }

    /// <summary>Constant of level 1 (cortisol).</summary>
    public double Constant1 { get; init; }

    /// <summary>The terms.</summary>
    public IReadOnlyList<ModulatorTermDefinition> Terms { get; init; } = [];

    /// <summary>First active world tick.</summary>
    public ulong Start { get; init; }

    /// <summary>First world tick no longer active.</summary>
    public ulong Stop { get; init; } = ulong.MaxValue;

    /// <summary>Active every this many ticks from <see cref="Start"/>.</summary>
    public ulong Every { get; init; } = 1;

    /// <summary>Checks the fields that do not depend on the world.</summary>
    /// <exception cref="ModelConfigException">A field is invalid; the exception names it.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Action))
            throw new ModelConfigException("action", $"'{Action}' is not a modulator action.");
        NetworkChecks.Finite("constant0", Constant0);
        NetworkChecks.Finite("constant1", Constant1);
        NetworkChecks.Schedule(Start, Stop, Every);
        ArgumentNullException.ThrowIfNull(Terms);
        int levels = Action == ModulatorAction.Modulate ? 2 : 1;
        for (int i = 0; i < Terms.Count; i++)
        {
            var term = Terms[i] ?? throw new ModelConfigException($"terms[{i}]", "is null.");
            if (term.Level < 0 || term.Level >= levels)
                throw new ModelConfigException($"terms[{i}].level", $"is {term.Level}; a {Action} modulator has levels 0..{levels - 1}.");
            NetworkChecks.Finite($"terms[{i}].coefficient", term.Coefficient);
            if (!Enum.IsDefined(term.ReduceA) || !Enum.IsDefined(term.ReduceB))
                throw new ModelConfigException($"terms[{i}].reduce", "is not a reduction.");
        }
    }
}
