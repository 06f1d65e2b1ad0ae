using GrowNet.Ecs.Engine;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Engine;

/// <summary>docs/distributed.md: remote marks and the port ranges a world holds for remote populations.</summary>
[TestFixture]
public sealed class WorldRemoteTests
{
    [Test]
    public void A_held_port_range_is_read_while_the_entity_is_remote()
    {
        using var world = new World(1);
        var entity = world.Create(new Position());
        world.Names.Set(entity, "shell");
        var held = world.HoldRemotePort(entity, 2, 10, 4);
        new double[] { 1, 2, 3, 4 }.CopyTo(held, 0);
        var values = new double[2];

        Assert.That(world.TryReadRemotePort(entity, 2, 11, values), Is.False, "local: the population's own state is read");
        world.SetRemote(entity, true);
        Assert.That(world.TryReadRemotePort(entity, 2, 11, values), Is.True);
        Assert.That(values, Is.EqualTo(new double[] { 2, 3 }));
        Assert.That(world.TryReadRemotePort(entity, 1, 11, values), Is.False, "another port is not held");
        var outside = Assert.Throws<ArgumentOutOfRangeException>(() => world.TryReadRemotePort(entity, 2, 13, values));
        Assert.That(outside!.Message, Does.Contain("Range [13..15) of port 2 of shell is not what the owning rank sends ([10..14))"));

        world.ReleaseRemotePorts();
        Assert.That(world.TryReadRemotePort(entity, 2, 11, values), Is.False);
    }

    [Test]
    public void A_reused_entity_slot_does_not_read_the_old_entitys_range()
    {
        using var world = new World(1);
        var old = world.Create(new Position());
        world.HoldRemotePort(old, 0, 0, 1)[0] = 7;
        world.SetRemote(old, true);
        world.Destroy(old);
        var reused = world.Create(new Position());
        Assert.That(reused.Index, Is.EqualTo(old.Index));
        world.SetRemote(reused, true);
        Assert.That(world.TryReadRemotePort(reused, 0, 0, new double[1]), Is.False);
    }
}
