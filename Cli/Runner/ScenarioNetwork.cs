using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Engine.Models;
using GrowNet.Ecs.Components.Network;
using GrowNet.Ecs.Systems.Network;

namespace GrowNet.Ecs.Cli.Runner;

/// <summary>
/// Builds a scenario's network maps into its world through <see cref="NetworkBuilder"/>:
/// projections, sources, links, modulators, each map in file order. Every port address is resolved
/// first with the JSON path of its key, so an unknown port, a wrong direction or a range outside
/// the port is a <see cref="ScenarioException"/> naming it; the caller disposes the world on any error.
/// </summary>
internal static class ScenarioNetwork
{
    /// <summary>Creates every network object of <paramref name="network"/> in <paramref name="world"/>.</summary>
    /// <exception cref="ScenarioException">An entry does not fit the world (ports, ranges, lengths, delays).</exception>
    public static void Build(World world, ScenarioNetworkEntries network)
    {
        foreach (var entry in network.Projections)
            Create(entry.Path, () => NetworkBuilder.Connect(world, entry.Name, entry.Value.From, entry.Value.To, entry.Value.Definition));
        foreach (var entry in network.Sources)
        {
            Resolve(world, entry.Value.Target, PortDirection.Input, $"{entry.Path}.target");
            Create(entry.Path, () => NetworkBuilder.AddSource(world, entry.Name, entry.Value));
        }

        foreach (var entry in network.Links)
        {
            Resolve(world, entry.Value.From, PortDirection.Output, $"{entry.Path}.from");
            Resolve(world, entry.Value.To, PortDirection.Input, $"{entry.Path}.to");
            Create(entry.Path, () => NetworkBuilder.Link(world, entry.Value));
        }

        foreach (var entry in network.Modulators)
        {
            var modulator = entry.Value;
            if (modulator.Action == ModulatorAction.WritePort)
                Resolve(world, modulator.Target, PortDirection.Input, $"{entry.Path}.target");
            for (int i = 0; i < modulator.Terms.Count; i++)
            {
                Resolve(world, modulator.Terms[i].A, null, $"{entry.Path}.terms[{i}].a");
                if (modulator.Terms[i].B is { } b)
                    Resolve(world, b, null, $"{entry.Path}.terms[{i}].b");
            }

            Create(entry.Path, () => NetworkBuilder.AddModulator(world, modulator));
        }
    }

    private static void Resolve(World world, string address, PortDirection? direction, string path)
    {
        try
        {
            PortResolver.Resolve(world, address, direction, path);
        }
        catch (ArgumentException error)
        {
            throw new ScenarioException(path, Problem(error, path));
        }
    }

    private static void Create(string path, Action create)
    {
        try
        {
            create();
        }
        catch (ModelConfigException error)
        {
            throw new ScenarioException($"{path}.{error.Field}", Problem(error, error.Field + ":"));
        }
        catch (ArgumentException error)
        {
            throw new ScenarioException(path, Problem(error, null));
        }
    }

    /// <summary>The message without the item prefix the builder put in front and without .NET's "(Parameter …)" suffix.</summary>
    private static string Problem(Exception error, string? prefix)
    {
        string message = error.Message;
        int cut = message.IndexOf(" (Parameter", StringComparison.Ordinal);
        message = cut >= 0 ? message[..cut] : message;
        if (prefix is not null && message.StartsWith(prefix, StringComparison.Ordinal))
            message = message[prefix.Length..].TrimStart(':', ' ');
        return message;
    }
}
