using GrowNet.Ecs.Cli;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Cli;

[TestFixture]
public sealed class DriveSpecTests
{
    [TestCase("0..8=10000", 0, 8, 10000)]
    [TestCase("5..6=-3", 5, 6, -3)]
    [TestCase("0..65536=32767", 0, 65536, 32767)]
    [TestCase("10..20=-32768", 10, 20, -32768)]
    [TestCase("3..4=0", 3, 4, 0)]
    [TestCase("007..010=00012", 7, 10, 12)]
    public void ParsesValidDrives(string text, int from, int to, int current)
    {
        var spec = DriveSpec.Parse(text);
        Assert.That(spec, Is.EqualTo(new DriveSpec(from, to, (short)current)));
        Assert.That(spec.Count, Is.EqualTo(to - from));
    }

    [Test]
    public void ToStringRoundTrips()
    {
        var spec = new DriveSpec(2, 9, -150);
        Assert.That(spec.ToString(), Is.EqualTo("2..9=-150"));
        Assert.That(DriveSpec.Parse(spec.ToString()), Is.EqualTo(spec));
    }

    [TestCase("", "empty")]
    [TestCase("0..8", "form")]
    [TestCase("0-8=5", "form")]
    [TestCase("0..8:5", "form")]
    [TestCase("=5..8", "form")]
    [TestCase("..8=5", "FROM")]
    [TestCase("0..=5", "TO")]
    [TestCase("a..8=5", "FROM")]
    [TestCase("0..b=5", "TO")]
    [TestCase("-1..8=5", "FROM")]
    [TestCase("+1..8=5", "FROM")]
    [TestCase(" 0..8=5", "FROM")]
    [TestCase("0..8 =5", "TO")]
    [TestCase("0...8=5", "TO")]
    [TestCase("1.5..8=5", "FROM")]
    [TestCase("99999999999..8=5", "FROM")]
    [TestCase("5..3=1", "less than")]
    [TestCase("4..4=1", "less than")]
    [TestCase("0..8=", "CURRENT")]
    [TestCase("0..8=x", "CURRENT")]
    [TestCase("0..8=-", "CURRENT")]
    [TestCase("0..8=1.5", "CURRENT")]
    [TestCase("0..8=5=6", "CURRENT")]
    [TestCase("0..8=32768", "i16")]
    [TestCase("0..8=-32769", "i16")]
    [TestCase("0..8=99999999999999999999", "i16")]
    public void RejectsInvalidDrives(string text, string keyWord)
    {
        bool parsed = DriveSpec.TryParse(text, out _, out string? error);
        Assert.That(parsed, Is.False);
        Assert.That(error, Does.Contain(keyWord));
        Assert.That(() => DriveSpec.Parse(text), Throws.TypeOf<FormatException>().With.Message.Contains(keyWord));
    }

    [Test]
    public void NullIsRejected()
    {
        Assert.That(DriveSpec.TryParse(null, out _, out string? error), Is.False);
        Assert.That(error, Does.Contain("empty"));
    }

    [Test]
    public void CheckFitsRejectsToBeyondCells()
    {
        var spec = new DriveSpec(0, 65, 1);
        Assert.That(spec.CheckFits(65), Is.Null);
        Assert.That(spec.CheckFits(64), Does.Contain("TO (65)").And.Contain("64 cells"));
    }
}
