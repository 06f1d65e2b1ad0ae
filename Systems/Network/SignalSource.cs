using GrowNet.Ecs.Components.Network;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Engine.Models;

namespace GrowNet.Ecs.Systems.Network;

/// <summary>
/// The handle of one source (network.md, "Sources"). A source is a population of the
/// <c>source</c> family with one output port, <c>value</c> (what it wrote this tick; zeros on a
/// tick it was not active), so links and modulators read it like any port.
/// </summary>
public sealed class SignalSource : Population
{
    /// <summary>Index of the output port <c>value</c>.</summary>
    public const int ValuePort = 0;

    internal SignalSource(World world, Entity entity) : base(world, entity)
    {
    }

    /// <inheritdoc />
    public override string Family => NetworkFamily.FamilyName;

    /// <summary>The source's settings and table handles.</summary>
    public ref readonly SourceState State => ref World.Get<SourceState>(Entity);

    /// <summary>What the source wrote this tick.</summary>
    public ReadOnlySpan<double> Values => World.GetTable(State.Values).Span(NetworkColumns.SourceValue);

    /// <inheritdoc />
    public override int PortCount => 1;

    /// <inheritdoc />
    public override PortDescriptor Port(int index) => index == ValuePort
        ? new PortDescriptor("value", PortDirection.Output, PortElement.Float64, World.GetTable(State.Values).Count)
        : throw new ArgumentOutOfRangeException(nameof(index), index, $"Source '{Name}' has one port.");

    /// <inheritdoc />
    public override IReadOnlyList<string> MetricNames => [];

    /// <summary>Every source in the world, in creation order.</summary>
    public static IReadOnlyList<SignalSource> All(World world)
    {
        var found = new List<(ulong Order, SignalSource Source)>();
        foreach (var table in world.Query(ComponentSet.Of<SourceState>()))
        {
            var states = table.Span<SourceState>();
            for (int row = 0; row < table.Count; row++)
                found.Add((states[row].Order, new SignalSource(world, table.Entities[row])));
        }

        found.Sort((a, b) => a.Order.CompareTo(b.Order));
        return found.Select(f => f.Source).ToList();
    }

    /// <inheritdoc />
    protected override void ReadPortCore(int port, in PortDescriptor descriptor, int start, Span<double> destination)
        => Values.Slice(start, destination.Length).CopyTo(destination);

    /// <inheritdoc />
    protected override void WritePortCore(int port, in PortDescriptor descriptor, int start, ReadOnlySpan<double> values)
        => throw new InvalidOperationException($"Source '{Name}' has no input ports."); // the base class refuses outputs first

    /// <inheritdoc />
    protected override void ReadMetricsCore(Span<double> values)
    {
    }
}
