using GrowNet.Ecs.Components.Pool;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Components.Pool;

/// <summary>pool.md, "Plasticity" and "Golden values": the maturity lifecycle.</summary>
public class MaturityTests
{
    private static string Show(byte maturity)
        => maturity == Maturity.Dead ? "dead" : $"{(new[] { "Hot", "Warm", "Cool", "Cold" })[Maturity.State(maturity)]}/{Maturity.Counter(maturity)}";

    [Test]
    public void IncrementFromNew_FollowsReference()
    {
        var trail = new List<string>();
        byte m = Maturity.New;
        for (int i = 0; i < 30; i++)
        {
            m = Maturity.Increment(m);
            trail.Add(Show(m));
        }

        Assert.That(trail.Take(4), Is.EqualTo(new[] { "Hot/5", "Hot/6", "Hot/7", "Warm/0" }));
        Assert.That(trail[3 + 23], Is.EqualTo("Warm/23"));
        Assert.That(trail[3 + 24], Is.EqualTo("Cool/0"));
    }

    [Test]
    public void NewToCold_Takes91Increments()
    {
        byte m = Maturity.New;
        int steps = 0;
        while (Maturity.State(m) != Maturity.Cold)
        {
            m = Maturity.Increment(m);
            steps++;
        }

        Assert.That(steps, Is.EqualTo(91));
        Assert.That(Maturity.Increment(m), Is.EqualTo(m));
        Assert.That(Maturity.Decrement(m), Is.EqualTo(m));
        Assert.That(Maturity.Frozen, Is.EqualTo((byte)0xFF));
    }

    [Test]
    public void DecrementFromCool2_FollowsReference()
    {
        var trail = new List<string>();
        byte m = Maturity.Make(Maturity.Cool, 2);
        while (m != Maturity.Dead)
        {
            m = Maturity.Decrement(m);
            trail.Add(Show(m));
        }

        Assert.That(trail.Take(3), Is.EqualTo(new[] { "Cool/1", "Cool/0", "Warm/12" }));
        Assert.That(trail[2 + 12], Is.EqualTo("Warm/0"));
        Assert.That(trail[2 + 13], Is.EqualTo("Hot/4"));
        Assert.That(trail.TakeLast(2), Is.EqualTo(new[] { "Hot/1", "dead" }));
    }

    [Test]
    public void NewSynapse_DiesAfterFourDecrements_AndDeadReturnsToHot1()
    {
        byte m = Maturity.New;
        for (int i = 0; i < 4; i++)
        {
            Assert.That(m, Is.Not.EqualTo(Maturity.Dead));
            m = Maturity.Decrement(m);
        }

        Assert.That(m, Is.EqualTo(Maturity.Dead));
        Assert.That(Show(Maturity.Increment(m)), Is.EqualTo("Hot/1"));
        Assert.That(Maturity.New, Is.EqualTo((byte)0x10));
    }
}
