using System.Text;
using GrowNet.Ecs.Serialization.Worlds;
using GrowNet.Ecs.Systems;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Serialization.Worlds;

/// <summary>
/// world-format.md, "Layout": a new format version still reads every older one. The fixtures are
/// format 1.0 files written by the build before stable names (Fixtures/Worlds/v1/README.md): each
/// pair is a file and the world the old build had after resuming it for some ticks.
/// </summary>
[TestFixture]
public class FormerFormatFixtureTests
{
    private static string Fixture(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "Worlds", "v1", name);

    [TestCase("pool-t60.gnw", "pool-t100.gnw", 40)]
    [TestCase("region-t120.gnw", "region-t160.gnw", 40)]
    [TestCase("topology-t120.gnw", "topology-t160.gnw", 40)]
    [TestCase("growth-t60.gnw", "growth-t90.gnw", 30)]
    public void Format1File_LoadsAndResumes_ToTheOldBuildsWorld(string start, string end, int ticks)
    {
        using var resumed = WorldCodec.LoadFile(Fixture(start));
        for (int t = 0; t < ticks; t++)
            resumed.Step();
        using var expected = WorldCodec.LoadFile(Fixture(end));

        Assert.That(resumed.Tick, Is.EqualTo(expected.Tick));
        Assert.That(WorldCodec.ToBytes(resumed), Is.EqualTo(WorldCodec.ToBytes(expected)));
    }

    [TestCase("pool-t60.gnw")]
    [TestCase("region-t120.gnw")]
    [TestCase("topology-t120.gnw")]
    public void Format1File_IsReportedAsSuch_AndSavesWithoutClrTypeNames(string file)
    {
        byte[] old = File.ReadAllBytes(Fixture(file));
        var report = WorldCodec.Inspect(new MemoryStream(old));
        Assert.That(report.Error, Is.Null);
        Assert.That(report.FormatMajor, Is.EqualTo(1));
        Assert.That(Encoding.UTF8.GetString(old), Does.Contain("GrowNet.Ecs."), "format 1.0 stored CLR type names");

        using var world = WorldCodec.Load(new MemoryStream(old));
        string saved = Encoding.UTF8.GetString(WorldCodec.ToBytes(world));
        Assert.That(saved, Does.Not.Contain("GrowNet.Ecs."));
        Assert.That(WorldCodec.Inspect(new MemoryStream(WorldCodec.ToBytes(world))).FormatMajor, Is.EqualTo(2));
    }

    [Test]
    public void EveryDeclaredColumn_HasAStableName_NotAClrTypeName()
    {
        foreach (var key in ModelFamilies.Catalog.Columns.Columns)
        {
            Assert.That(key.Name, Does.Not.Contain("GrowNet"), key.ToString());
            Assert.That(key.Name, Does.Match("^[a-z][A-Za-z0-9]*(\\.[a-z][A-Za-z0-9]*)+$"), key.ToString());
        }
    }
}
