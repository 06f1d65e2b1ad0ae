using GrowNet.Ecs.Components.Network;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Network;

/// <summary>
/// The network's Input phase (network.md, "Links" and "Sources"), first in the tick: every link
/// and every modulator term reads its source port as it was at the end of the previous tick (a
/// source's <c>value</c> still holds last tick's), every port a source or link writes is reset to
/// 0, then sources write in creation order and links in creation order after them.
/// </summary>
public sealed class NetworkInputSystem : ISystem
{
    private readonly NetworkRuntime runtime;
    private readonly NetworkScratch scratch = new();
    private readonly List<PortRef> written = new();

    internal NetworkInputSystem(NetworkRuntime runtime) => this.runtime = runtime;

    /// <inheritdoc />
    public string Name => "NetworkInput";

    /// <inheritdoc />
    public void Update(World world)
    {
        runtime.Refresh(world);
        if (runtime.Links.Count == 0 && runtime.Sources.Count == 0 && runtime.Modulators.Count == 0)
            return;
        ReadLinks(world);
        ReadModulatorTerms(world);
        ResetWrittenPorts(world);
        RunSources(world);
        RunLinks(world);
    }

    private void ReadLinks(World world)
    {
        foreach (var entity in runtime.Links)
        {
            ref readonly var link = ref world.Get<LinkState>(entity);
            var snapshot = world.GetTable(link.Values).Span(NetworkColumns.LinkSnapshot);
            if (link.Map == LinkMap.Elementwise)
            {
                runtime.Population(link.From.Population).ReadPort(link.From.Port, link.From.Start, snapshot);
            }
            else
            {
                snapshot[0] = ReadPooled(link.From, link.Reduce);
            }
        }
    }

    private void ReadModulatorTerms(World world)
    {
        foreach (var entity in runtime.Modulators)
        {
            foreach (ref var term in world.GetTable(world.Get<ModulatorState>(entity).Terms).Span(NetworkColumns.Terms))
            {
                term.ValueA = ReadPooled(term.A, term.ReduceA);
                term.ValueB = (term.Flags & ModulatorTerm.HasSecondFactor) != 0 ? ReadPooled(term.B, term.ReduceB) : 1.0;
            }
        }
    }

    private double ReadPooled(in PortRef port, Reduction reduction)
    {
        var values = scratch.First(port.Length);
        runtime.Population(port.Population).ReadPort(port.Port, port.Start, values);
        return PortMath.Reduce(values, reduction);
    }

    /// <summary>
    /// Each port written by a source or link starts the tick at 0 (the whole port, once), unless
    /// its first writer this tick sets all of it and the port's writes replace (a pool's current
    /// driven by a source: the zeros would be overwritten before anyone reads them).
    /// </summary>
    private void ResetWrittenPorts(World world)
    {
        written.Clear();
        ulong tick = world.Tick;
        foreach (var entity in runtime.Sources)
        {
            ref readonly var source = ref world.Get<SourceState>(entity);
            Reset(source.To, source.Write == WriteMode.Set && NetworkChecks.Active(tick, source.Start, source.Stop, source.Every));
        }

        foreach (var entity in runtime.Links)
        {
            ref readonly var link = ref world.Get<LinkState>(entity);
            Reset(link.To, link.Write == WriteMode.Set);
        }
    }

    private void Reset(in PortRef port, bool firstWriteSets)
    {
        foreach (var done in written)
            if (done.Population == port.Population && done.Port == port.Port)
                return;
        written.Add(port);
        var population = runtime.Population(port.Population);
        int length = population.Port(port.Port).Length;
        if (firstWriteSets && port.Start == 0 && port.Length == length && population.WholeWriteReplaces(port.Port))
            return;
        population.WritePort(port.Port, 0, scratch.Zeros(length));
    }

    private void RunSources(World world)
    {
        ulong tick = world.Tick;
        foreach (var entity in runtime.Sources)
        {
            ref readonly var source = ref world.Get<SourceState>(entity);
            var values = world.GetTable(source.Values).Span(NetworkColumns.SourceValue);
            if (!NetworkChecks.Active(tick, source.Start, source.Stop, source.Every))
            {
                values.Clear();
                continue;
            }

            SourceSignals.Compute(source, world.Seed, tick, world.GetTable(source.Frames).Span(NetworkColumns.SourceFrame), values);
            PortMath.Write(runtime.Population(source.To.Population), source.To, values, source.Write, scratch.First(values.Length));
        }
    }

    private void RunLinks(World world)
    {
        foreach (var entity in runtime.Links)
        {
            ref readonly var link = ref world.Get<LinkState>(entity);
            var table = world.GetTable(link.Values);
            var snapshot = table.Span(NetworkColumns.LinkSnapshot);
            var ema = table.Span(NetworkColumns.LinkEma);
            var output = scratch.Second(link.To.Length);
            if (world.Has<LinkThreshold>(entity))
            {
                double threshold = world.Get<LinkThreshold>(entity).Value;
                for (int i = 0; i < snapshot.Length; i++)
                    snapshot[i] = snapshot[i] > threshold ? 1.0 : 0.0;
            }

            for (int i = 0; i < snapshot.Length; i++)
                snapshot[i] = Transform(link, snapshot[i], ref ema[i]);
            if (link.Map == LinkMap.Elementwise)
                snapshot.CopyTo(output);
            else
                output.Fill(snapshot[0]);
            PortMath.Write(runtime.Population(link.To.Population), link.To, output, link.Write, scratch.First(output.Length));
        }
    }

    /// <summary>EMA, gain and offset, clamp — in double (bools were read as 0/1, a threshold step has been applied).</summary>
    private static double Transform(in LinkState link, double value, ref double ema)
    {
        if ((link.Flags & LinkState.EmaFlag) != 0)
        {
            ema = (1 - link.EmaRate) * ema + link.EmaRate * value;
            value = ema;
        }

        value = link.Gain * value + link.Offset;
        if ((link.Flags & LinkState.ClampFlag) != 0)
            value = Math.Clamp(value, link.ClampMin, link.ClampMax);
        return value;
    }
}
