using GrowNet.Ecs.Components.Network;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Engine.Models;

namespace GrowNet.Ecs.Systems.Network;

/// <summary>Turns port addresses into checked <see cref="PortRef"/>s and back (network.md: errors name the item, before anything runs).</summary>
public static class PortResolver
{
    /// <summary>
    /// Resolves <paramref name="address"/> to a population's port range of direction
    /// <paramref name="direction"/>. <paramref name="item"/> names what is being built (e.g. <c>link 2 'from'</c>).
    /// </summary>
    /// <exception cref="ArgumentException">Unknown population or port, wrong direction, or a range outside the port.</exception>
    public static (Population Population, PortRef Port, PortDescriptor Descriptor) Resolve(World world, string address, PortDirection? direction,
        string item)
    {
        PortAddress parsed;
        try
        {
            parsed = PortAddress.Parse(address);
        }
        catch (FormatException error)
        {
            throw new ArgumentException($"{item}: {error.Message}", item, error);
        }

        var population = ModelFamilies.Catalog.Find(world, parsed.Population)
            ?? throw new ArgumentException($"{item}: no population '{parsed.Population}' (in '{address}').", item);
        int port = population.FindPort(parsed.Port);
        if (port < 0)
        {
            var names = new string[population.PortCount];
            for (int i = 0; i < names.Length; i++)
                names[i] = population.Port(i).Name;
            throw new ArgumentException($"{item}: {population} has no port '{parsed.Port}'; its ports are: {string.Join(", ", names)}.", item);
        }

        var descriptor = population.Port(port);
        if (direction != null && descriptor.Direction != direction)
            throw new ArgumentException($"{item}: port '{address}' is an {(descriptor.Direction == PortDirection.Output ? "output" : "input")}; an {(direction == PortDirection.Output ? "output" : "input")} is needed here.", item);
        int from = parsed.From ?? 0;
        int to = parsed.To ?? descriptor.Length;
        if (from < 0 || to > descriptor.Length || from >= to)
            throw new ArgumentException($"{item}: range [{from}..{to}) of '{address}' is outside port {parsed.Population}/{descriptor.Name} of length {descriptor.Length} (or empty).", item);
        return (population, new PortRef(population.Entity, port, from, to - from), descriptor);
    }
}
