using System.Text.Json.Nodes;
using GrowNet.Ecs.Cli.Demos;
using GrowNet.Ecs.Cli.Runner;
using GrowNet.Ecs.Tests.Cli.Runner;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Cli.Demos;

/// <summary>
/// docs/scenarios.md, "Demos as scenario files": every built-in demo that runs from a scenario is
/// a file in <c>scenarios/</c>, embedded in <c>grownet</c>, and the file is exactly what the demo's
/// <c>Scenario()</c> writes for its defaults (so the file and the demo's C# settings cannot drift).
/// Set GROWNET_WRITE_SCENARIOS=1 to rewrite the files from the demos.
/// </summary>
public class DemoScenarioFileTests
{
    public static IEnumerable<TestCaseData> Files()
    {
        yield return new TestCaseData(RegionDemo.ScenarioName, RegionDemo.Scenario()).SetArgDisplayNames("region");
        yield return new TestCaseData(GrowthDemo.ScenarioName, GrowthDemo.Scenario()).SetArgDisplayNames("growth");
        yield return new TestCaseData(TopologyDemo.ScenarioName, TopologyDemo.Scenario(new TopologyDemoOptions())).SetArgDisplayNames("topology");
        yield return new TestCaseData(DiscriminationDemo.ScenarioName, DiscriminationDemo.Scenario()).SetArgDisplayNames("discrimination");
        yield return new TestCaseData(ChainDemo.ScenarioName, ChainDemo.Scenario()).SetArgDisplayNames("chain");
        yield return new TestCaseData(GrowNet.Ecs.Cli.Demos.Graph.GraphTwoChannelDemo.ScenarioName, GrowNet.Ecs.Cli.Demos.Graph.GraphTwoChannelDemo.Scenario())
            .SetArgDisplayNames("two-channel");
        yield return new TestCaseData(PoolLearningDemo.ScenarioName, PoolLearningDemo.Scenario()).SetArgDisplayNames("pool");
        yield return new TestCaseData(GrowNet.Ecs.Cli.Demos.Graph.GraphMackeyGlassDemo.ScenarioName, GrowNet.Ecs.Cli.Demos.Graph.GraphMackeyGlassDemo.Scenario())
            .SetArgDisplayNames("mackey-glass");
    }

    [TestCaseSource(nameof(Files))]
    public void TheFileIsTheDemosScenario_AndIsEmbedded(string name, ScenarioDocument document)
    {
        string path = Path.Combine(RunnerScenarios.RepositoryRoot(), "scenarios", name + ".json");
        if (Environment.GetEnvironmentVariable("GROWNET_WRITE_SCENARIOS") == "1")
            File.WriteAllText(path, document.ToJson());
        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(File.ReadAllText(path)), document.ToJsonObject()), Is.True, path);
        Assert.That(DemoScenarios.Names(), Does.Contain(name));
        Assert.That(DemoScenarios.Text(name), Is.EqualTo(File.ReadAllText(path)), "the embedded copy is the file");
        var scenario = ScenarioReader.Parse(File.ReadAllText(path));
        Assert.That(ScenarioReader.Parse(scenario.ToJson()).ToJson(), Is.EqualTo(scenario.ToJson()));
    }

    [Test]
    public void AnUnknownName_IsRefused()
        => Assert.That(() => DemoScenarios.Text("nope"), Throws.ArgumentException.With.Message.Contains("region"));
}
