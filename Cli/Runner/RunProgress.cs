using System.Diagnostics;
using System.Globalization;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Systems;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace GrowNet.Ecs.Cli.Runner;

/// <summary>
/// Progress of a run: a live Spectre.Console table on an interactive terminal (refreshed about
/// four times a second), plain heartbeat lines every few seconds otherwise. <see cref="Update"/>
/// is called after every tick and costs one timestamp read unless a refresh is due.
/// </summary>
public sealed class RunProgress
{
    private readonly CliContext context;
    private readonly World world;
    private readonly long startTick;
    private readonly long endTick;
    private readonly long startTimestamp;
    private readonly long interval;
    private long nextTimestamp;
    private LiveDisplayContext? live;
    private double[] metrics = new double[16];

    /// <summary>Reports the run of <paramref name="world"/> from its current tick to <paramref name="endTick"/>.</summary>
    public RunProgress(CliContext context, World world, long endTick, double heartbeatSeconds)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(world);
        this.context = context;
        this.world = world;
        this.endTick = endTick;
        startTick = (long)world.Tick;
        startTimestamp = Stopwatch.GetTimestamp();
        interval = (long)((context.Interactive ? 0.25 : heartbeatSeconds) * Stopwatch.Frequency);
        nextTimestamp = startTimestamp + interval;
    }

    /// <summary>Runs <paramref name="body"/> under the live display when the output is a terminal.</summary>
    public int Show(Func<RunProgress, int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!context.Interactive)
            return body(this);
        return AnsiConsole.Live(Render(startTick)).AutoClear(false).Start(display =>
        {
            live = display;
            return body(this);
        });
    }

    /// <summary>Called after tick <paramref name="tick"/>; draws when a refresh is due.</summary>
    public void Update(long tick)
    {
        long now = Stopwatch.GetTimestamp();
        if (now < nextTimestamp)
            return;
        nextTimestamp = now + interval;
        if (live is not null)
            live.UpdateTarget(Render(tick));
        else
            context.Output.WriteLine(Line(tick));
    }

    /// <summary>Says the run ended at <paramref name="tick"/>.</summary>
    public void Finished(long tick)
    {
        live?.UpdateTarget(Render(tick));
        context.Output.WriteLine("done: " + Line(tick));
    }

    /// <summary>Says the run was stopped by a signal at <paramref name="tick"/> and where its checkpoint is.</summary>
    public void Interrupted(long tick, string checkpoint)
    {
        live?.UpdateTarget(Render(tick));
        context.Output.WriteLine($"interrupted at tick {tick}; checkpoint {checkpoint} (continue with 'grownet resume {checkpoint}')");
    }

    /// <summary>One heartbeat line for tick <paramref name="tick"/>.</summary>
    public string Line(long tick)
    {
        var (rate, eta) = Rates(tick);
        var (spikes, synapses, slots) = Totals();
        return string.Create(CultureInfo.InvariantCulture,
            $"tick {tick}/{endTick} ({Percent(tick):F1}%), {rate:F0} ticks/s, ETA {eta}, spikes {spikes}, synapses {synapses}, slots {slots}");
    }

    private IRenderable Render(long tick)
    {
        var (rate, eta) = Rates(tick);
        var (spikes, synapses, slots) = Totals();
        var table = new Spectre.Console.Table().Border(TableBorder.Rounded).AddColumns("tick", "%", "ticks/s", "ETA", "spikes (last tick)", "synapses", "slots");
        table.AddRow(string.Create(CultureInfo.InvariantCulture, $"{tick}/{endTick}"), Percent(tick).ToString("F1", CultureInfo.InvariantCulture),
            rate.ToString("F0", CultureInfo.InvariantCulture), eta, spikes.ToString(CultureInfo.InvariantCulture),
            synapses.ToString(CultureInfo.InvariantCulture), slots.ToString(CultureInfo.InvariantCulture));
        return table;
    }

    private double Percent(long tick) => endTick <= startTick ? 100 : 100.0 * (tick - startTick) / (endTick - startTick);

    private (double Rate, string Eta) Rates(long tick)
    {
        double seconds = Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds;
        double rate = seconds > 0 ? (tick - startTick) / seconds : 0;
        string eta = rate > 0 ? TimeSpan.FromSeconds(Math.Round((endTick - tick) / rate)).ToString("c", CultureInfo.InvariantCulture) : "?";
        return (rate, eta);
    }

    private (double Spikes, double Synapses, double Slots) Totals()
    {
        double spikes = 0, synapses = 0, slots = 0;
        foreach (var population in ModelFamilies.Catalog.Populations(world))
        {
            var names = population.MetricNames;
            if (metrics.Length < names.Count)
                metrics = new double[names.Count];
            var values = metrics.AsSpan(0, names.Count);
            population.ReadMetrics(values);
            for (int i = 0; i < names.Count; i++)
            {
                if (names[i] == "spikes")
                    spikes += values[i];
                else if (names[i] == "synapses")
                    synapses += values[i];
                else if (names[i] == "slots")
                    slots += values[i];
            }
        }

        return (spikes, synapses, slots);
    }
}
