using GrowNet.Ecs.Cli.Bench;
using GrowNet.Ecs.Cli.Bench.AB;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Cli.Bench.AB;

[TestFixture]
public sealed class AbTargetTests
{
    private TempDirectory _temp = null!;

    [SetUp]
    public void SetUp() => _temp = new TempDirectory();

    [TearDown]
    public void TearDown() => _temp.Dispose();

    [Test]
    public void ABuildIsUsedAsItIs()
    {
        string dll = _temp.File("grownet.dll");
        File.WriteAllText(dll, "stand-in");
        using var direct = AbTarget.Resolve(dll, TextWriter.Null);
        Assert.That(direct.DllPath, Is.EqualTo(Path.GetFullPath(dll)));
        using var folder = AbTarget.Resolve(_temp.Path, TextWriter.Null);
        Assert.That(folder.DllPath, Is.EqualTo(Path.GetFullPath(dll)));
    }

    [Test]
    public void AFileThatIsNotADllIsBadInput()
    {
        string text = _temp.File("notes.txt");
        File.WriteAllText(text, "x");
        Assert.That(() => AbTarget.Resolve(text, TextWriter.Null), Throws.TypeOf<BenchInputException>().With.Message.Contains("not a .dll"));
    }

    [Test]
    public void AnUnknownRefIsBadInput()
        => Assert.That(() => AbTarget.Resolve("refs/heads/no-such-branch-xyz-123", TextWriter.Null),
            Throws.TypeOf<BenchInputException>().With.Message.Contains("--ab"));

    [Test]
    public void TheLastLineOfAChildsOutputIsItsError()
    {
        Assert.That(ProcessRunner.LastLine("progress\nerror: it broke\n\n"), Is.EqualTo("error: it broke"));
        Assert.That(ProcessRunner.LastLine(""), Is.EqualTo("(no output)"));
    }
}
