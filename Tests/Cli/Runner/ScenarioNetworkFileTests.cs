using GrowNet.Ecs.Cli.Runner;
using GrowNet.Ecs.Systems.Network;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Cli.Runner;

/// <summary>docs/scenarios.md: the network maps and placement of scenarios/distributed-network.json, read and run.</summary>
[TestFixture]
public sealed class ScenarioNetworkFileTests
{
    private static string Scenario => Path.Combine(RunnerScenarios.RepositoryRoot(), "scenarios", "distributed-network.json");

    [Test]
    public void A_scenario_network_is_read_in_file_order()
    {
        var scenario = ScenarioReader.ReadFile(Scenario);
        Assert.That(scenario.Network.Sources.Select(s => s.Value.Target), Is.EqualTo(new[] { "p0/current", "p1/current", "p2/current", "p3/current" }));
        Assert.That(scenario.Network.Projections.Select(p => (p.Name, p.Value.From, p.Value.To)),
            Is.EqualTo(new[] { ("p1-p0", "p1", "p0"), ("p2-p1", "p2", "p1"), ("p3-p2", "p3", "p2"), ("p0-p3", "p0", "p3") }));
        Assert.That(scenario.Network.Links.Single().Value.From, Is.EqualTo("p1/spikeCount"));
        Assert.That(scenario.Network.Modulators.Single().Value.Terms.Single().B, Is.EqualTo("p3/spikes"));
        Assert.That(scenario.Network.Placement, Is.EqualTo(new Dictionary<string, int> { ["p0"] = 0, ["p1"] = 1 }));
    }

    [TestCase("projections.p1-p0.from=q", "$.projections.p1-p0.from")]
    [TestCase("projections.p0-p3.density=2", "$.projections.p0-p3.density")]
    [TestCase("sources.drive0.target=\"q/current\"", "$.sources.drive0.target")]
    [TestCase("links.count.gain=\"x\"", "$.links.count.gain")]
    [TestCase("placement.p0=-1", "$.placement.p0")]
    public void Bad_network_entries_name_their_json_path(string set, string path)
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioReader.ReadFile(Scenario, [set]));
        Assert.That(error!.JsonPath, Is.EqualTo(path));
    }

    [Test]
    public void An_unknown_port_in_a_link_fails_before_the_first_tick_at_its_path()
    {
        using var dir = new TempDirectory();
        var run = CliRun.Of("run", Scenario, "--out", dir.Path, "--set", "links.count.from=\"p1/spikez\"");
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.StartWith("error: $.links.count.from: "));
    }
}
