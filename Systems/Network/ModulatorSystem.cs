using GrowNet.Ecs.Components.Network;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems.Pool;

namespace GrowNet.Ecs.Systems.Network;

/// <summary>
/// Modulators (network.md, "Modulators"), first in the Modulation phase, in creation order: each
/// active one computes its levels <c>c₀ + Σ cₖ·a_k·b_k</c> in double from the values its terms
/// read at the start of the tick (= the end of the previous tick), and triggers its event. A
/// pool's plasticity runs as the host's call between ticks would (eligibility including this
/// tick's decay, the synaptogenesis seed of the next tick count), because the STDP phase precedes
/// Modulation; a projection's clock has already advanced in Propagate.
/// </summary>
public sealed class ModulatorSystem : ISystem
{
    private readonly NetworkRuntime runtime;
    private readonly NetworkScratch scratch = new();

    internal ModulatorSystem(NetworkRuntime runtime) => this.runtime = runtime;

    /// <inheritdoc />
    public string Name => "Modulators";

    /// <inheritdoc />
    public void Update(World world)
    {
        runtime.Refresh(world);
        ulong tick = world.Tick;
        foreach (var entity in runtime.Modulators)
        {
            ref readonly var modulator = ref world.Get<ModulatorState>(entity);
            if (!NetworkChecks.Active(tick, modulator.Start, modulator.Stop, modulator.Every))
                continue;
            double level0 = modulator.Constant0, level1 = modulator.Constant1;
            foreach (ref readonly var term in world.GetTable(modulator.Terms).Span(NetworkColumns.Terms))
            {
                double value = term.Coefficient * term.ValueA * term.ValueB;
                if (term.Level == 0)
                    level0 += value;
                else
                    level1 += value;
            }

            Trigger(world, modulator, level0, level1);
        }
    }

    private void Trigger(World world, in ModulatorState modulator, double level0, double level1)
    {
        if (modulator.Action == ModulatorAction.WritePort)
        {
            var values = scratch.First(modulator.Port.Length);
            values.Fill(level0);
            runtime.Population(modulator.Port.Population).WritePort(modulator.Port.Port, modulator.Port.Start, values);
            return;
        }

        if (runtime.TryProjection(modulator.Target, out var projection))
        {
            switch (modulator.Action)
            {
                case ModulatorAction.Modulate: projection.ApplyModulation(PortMath.Level(level0), PortMath.Level(level1)); break;
                case ModulatorAction.Synaptogenesis: projection.Synaptogenesis(PortMath.Level(level0)); break;
                default: projection.PruneDead(); break;
            }

            return;
        }

        var pool = (NeuronPool)runtime.Population(modulator.Target);
        ulong next = pool.TickCount + 1;
        switch (modulator.Action)
        {
            case ModulatorAction.Modulate: PoolPlasticity.ApplyModulation(pool, PortMath.Level(level0), PortMath.Level(level1), 0, next); break;
            case ModulatorAction.Synaptogenesis: PoolPlasticity.Synaptogenesis(pool, PortMath.Level(level0), next); break;
            default: pool.PruneDead(); break;
        }
    }
}
