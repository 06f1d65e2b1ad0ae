using GrowNet.Ecs.Cli.Runner;
using GrowNet.Ecs.Components.Network;
using GrowNet.Ecs.Serialization.Worlds;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Network;
using GrowNet.Ecs.Systems.Pool;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Cli.Runner;

/// <summary>
/// docs/scenarios.md, "Networks": the <c>projections</c>, <c>sources</c>, <c>links</c> and
/// <c>modulators</c> maps are the network records of Systems/Network, built through NetworkBuilder,
/// and every kind of bad entry is an error naming its JSON path before anything runs.
/// </summary>
public sealed class ScenarioNetworkTests
{
    private const string Populations = """
        "populations": {
          "a": { "family": "pool", "cells": 40, "generator": "standard", "density": 0.05, "config": { "maxDelay": 4 } },
          "b": { "family": "pool", "cells": 20 },
          "t": { "family": "topology", "vertices": 8 }
        }
        """;

    private const string Network = """
        "projections": { "a->b": { "from": "a", "to": "b", "generator": "fixedInDegree", "degree": 3 } },
        "sources": {
          "noise": { "target": "a/current[0..20]", "kind": "poissonSpike", "p0": 0.2, "p1": 9000 },
          "stim": { "target": "a/inject[20..22]", "kind": "sequence", "frames": [[100, 0], [0, 100]], "hold": 5, "start": 3 }
        },
        "links": {
          "rate": { "from": "b/spikes", "to": "t/sensory[0..1]", "map": "poolBroadcast", "reduce": "mean", "ema": 0.5, "gain": 4 },
          "back": { "from": "b/spikes[0..10]", "to": "a/current[30..40]", "threshold": 0.5, "gain": 3000, "write": "add" }
        },
        "modulators": {
          "reward": { "target": "a->b", "every": 5, "constant0": 128, "constant1": 30,
                      "terms": [{ "level": 0, "coefficient": 400, "a": "b/spikes", "reduceA": "mean", "b": "noise/value", "reduceB": "mean" }] },
          "grow": { "action": "synaptogenesis", "target": "b", "every": 7, "constant0": 200 },
          "r": { "action": "writePort", "target": "t/reward", "constant0": 0.5 }
        }
        """;

    private static string Scenario(string network, string populations = Populations, string extra = "") => $$"""
        { "version": 1, "run": { "ticks": 60, "seed": 9, "threads": 1 },
          {{populations}}, {{network}}{{extra}} }
        """;

    /// <summary>The same network, built in C# with NetworkBuilder.</summary>
    private static GrowNet.Ecs.Engine.World BuildInCode()
    {
        var world = Pipeline.CreateWorld(9);
        world.SetThreadCount(1);
        NeuronPool.Create(world, "a", PoolDefinition.Standard(40, 0.05) with { Config = PoolDefinition.Standard(40, 0.05).Config with { MaxDelay = 4 } });
        NeuronPool.Create(world, "b", new PoolDefinition { Cells = 20 });
        GrowNet.Ecs.Systems.Topology.TopologyBlock.Create(world, "t", new GrowNet.Ecs.Systems.Topology.TopologyDefinition { Vertices = 8 });
        NetworkBuilder.Connect(world, "a->b", "a", "b", ProjectionDefinition.FixedInDegree(3));
        NetworkBuilder.AddSource(world, "noise", SourceDefinition.Poisson("a/current[0..20]", 0.2, scale: 9000));
        NetworkBuilder.AddSource(world, "stim", SourceDefinition.Sequence("a/inject[20..22]", [[100, 0], [0, 100]], hold: 5) with { Start = 3 });
        NetworkBuilder.Link(world, new LinkDefinition { From = "b/spikes", To = "t/sensory[0..1]", Map = LinkMap.PoolBroadcast, Reduce = Reduction.Mean, Ema = 0.5, Gain = 4 });
        NetworkBuilder.Link(world, new LinkDefinition { From = "b/spikes[0..10]", To = "a/current[30..40]", Threshold = 0.5, Gain = 3000, Write = WriteMode.Add });
        NetworkBuilder.AddModulator(world, new ModulatorDefinition
        {
            Target = "a->b", Every = 5, Constant0 = 128, Constant1 = 30,
            Terms = [new(0, 400, "b/spikes", Reduction.Mean, "noise/value", Reduction.Mean)],
        });
        NetworkBuilder.AddModulator(world, new ModulatorDefinition { Action = ModulatorAction.Synaptogenesis, Target = "b", Every = 7, Constant0 = 200 });
        NetworkBuilder.AddModulator(world, new ModulatorDefinition { Action = ModulatorAction.WritePort, Target = "t/reward", Constant0 = 0.5 });
        return world;
    }

    [Test]
    public void TheMaps_BuildTheSameWorld_AsNetworkBuilderInCode()
    {
        using var dir = new TempDirectory();
        var scenario = ScenarioReader.Parse(Scenario(Network));
        Assert.That(scenario.Network.Projections.Select(p => p.Name), Is.EqualTo(new[] { "a->b" }));
        Assert.That(scenario.Network.Links.Single(l => l.Name == "back").Value.Threshold, Is.EqualTo(0.5));
        using var runner = ScenarioRunner.Start(scenario, new RunOverrides { OutputDir = dir.Path });
        using var expected = BuildInCode();
        Assert.That(WorldCodec.ToBytes(runner.World), Is.EqualTo(WorldCodec.ToBytes(expected)), "built");
        Assert.That(runner.Run(), Is.EqualTo(0));
        for (int t = 0; t < 60; t++)
            expected.Step();
        Assert.That(WorldCodec.ToBytes(runner.World), Is.EqualTo(WorldCodec.ToBytes(expected)), "after 60 ticks");
        Assert.That(Projection.All(runner.World).Single().SynapseCount, Is.EqualTo(60));
    }

    [Test]
    public void TheDefaultedScenario_ListsEveryField_AndReadsBackToItself()
    {
        var scenario = ScenarioReader.Parse(Scenario(Network));
        var defaulted = scenario.Defaulted;
        Assert.That(defaulted["links"]!["rate"]!["clampMax"], Is.Null);
        Assert.That(defaulted["links"]!["rate"]!.AsObject().ContainsKey("clampMax"), Is.True);
        Assert.That(defaulted["sources"]!["noise"]!["hold"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(defaulted["sources"]!["noise"]!.AsObject().ContainsKey("family"), Is.False);
        Assert.That(defaulted["projections"]!["a->b"]!["from"]!.GetValue<string>(), Is.EqualTo("a"));
        Assert.That(defaulted["modulators"]!["reward"]!["terms"]![0]!["reduceB"]!.GetValue<string>(), Is.EqualTo("mean"));
        var again = ScenarioReader.Parse(scenario.ToJson());
        Assert.That(again.ToJson(), Is.EqualTo(scenario.ToJson()));
    }

    [TestCase("""{ "l": { "from": "b/spikes", "to": "poool/current" } }""", "$.links.l.to", "no population 'poool'.")]
    [TestCase("""{ "l": { "from": "b/spikes", "to": "a/current", "gian": 2 } }""", "$.links.l.gian", "unknown key")]
    [TestCase("""{ "l": { "from": "b/spikes", "to": "a/current", "gain": "big" } }""", "$.links.l.gain", "wrong type")]
    [TestCase("""{ "l": { "to": "a/current" } }""", "$.links.l.from", "is required")]
    [TestCase("""{ "l": { "from": "b/spikes", "to": "a/current", "ema": 2 } }""", "$.links.l.ema", "(0, 1]")]
    [TestCase("""{ "l": { "from": "b/spikes", "to": "a/current", "threshold": "NaN" } }""", "$.links.l.threshold", "")]
    [TestCase("""{ "l": { "from": "b/spikes", "to": "a/current", "map": "scatter" } }""", "$.links.l.map", "wrong type")]
    [TestCase("""{ "l": { "from": "bspikes", "to": "a/current" } }""", "$.links.l.from", "not a port address")]
    [TestCase("""{ "l": 3 }""", "$.links.l", "must be an object")]
    public void BadLinks_NameTheirPath(string links, string path, string problem)
        => AssertError(Scenario($"\"links\": {links}"), path, problem);

    [TestCase("""{ "p": { "from": "a", "to": "x" } }""", "$.projections.p.to", "no population 'x'.")]
    [TestCase("""{ "p": { "from": "t", "to": "b" } }""", "$.projections.p.from", "'t' is a topology; projections join pools.")]
    [TestCase("""{ "p": { "from": "a", "to": "b", "density": 2 } }""", "$.projections.p.density", "[0, 1]")]
    [TestCase("""{ "p": { "from": "a", "to": "b", "generator": "explicit", "synapses": [{ "source": 0, "target": 1, "weigth": 5 }] } }""",
        "$.projections.p.synapses[0].weigth", "unknown key")]
    [TestCase("""{ "a": { "from": "a", "to": "b" } }""", "$.projections.a", "the name 'a' is taken by $.populations.a.")]
    public void BadProjections_NameTheirPath(string projections, string path, string problem)
        => AssertError(Scenario($"\"projections\": {projections}"), path, problem);

    [TestCase("""{ "s": { "kind": "constant" } }""", "$.sources.s.target", "is required")]
    [TestCase("""{ "s": { "target": "z/current", "kind": "constant" } }""", "$.sources.s.target", "no population 'z'.")]
    [TestCase("""{ "s": { "target": "a/current", "kind": "sine", "p1": 0 } }""", "$.sources.s.p1", "period")]
    [TestCase("""{ "s": { "target": "a/current", "kind": "sequence" } }""", "$.sources.s.frames", "empty")]
    [TestCase("""{ "b": { "target": "a/current", "kind": "constant" } }""", "$.sources.b", "taken by $.populations.b")]
    [TestCase("""{ "s": { "target": "a/current", "family": "pool" } }""", "$.sources.s.family", "a source's family is 'source'")]
    public void BadSources_NameTheirPath(string sources, string path, string problem)
        => AssertError(Scenario($"\"sources\": {sources}"), path, problem);

    [TestCase("""{ "m": { "target": "nobody" } }""", "$.modulators.m.target", "no pool or projection 'nobody'.")]
    [TestCase("""{ "m": { "target": "t" } }""", "$.modulators.m.target", "no pool or projection 't'.")]
    [TestCase("""{ "m": { "target": "a", "terms": [{ "level": 0, "coef": 1, "a": "b/spikes" }] } }""", "$.modulators.m.terms[0].coef", "unknown key")]
    [TestCase("""{ "m": { "target": "a", "terms": [{ "level": 2, "coefficient": 1, "a": "b/spikes" }] } }""", "$.modulators.m.terms[0].level", "levels 0..1")]
    [TestCase("""{ "m": { "target": "a", "terms": [{ "level": 0, "coefficient": 1, "a": "q/spikes" }] } }""", "$.modulators.m.terms[0].a", "no population 'q'.")]
    [TestCase("""{ "m": { "action": "writePort", "target": "q/reward" } }""", "$.modulators.m.target", "no population 'q'.")]
    [TestCase("""{ "m": { "action": "boost", "target": "a" } }""", "$.modulators.m.action", "wrong type")]
    public void BadModulators_NameTheirPath(string modulators, string path, string problem)
        => AssertError(Scenario($"\"modulators\": {modulators}"), path, problem);

    /// <summary>Ports, directions, ranges, lengths and delays need the world: checked when the run starts, before the first tick.</summary>
    [TestCase("\"sources\": { \"s\": { \"target\": \"a/currnt\", \"kind\": \"constant\" } }", "$.sources.s.target", "has no port 'currnt'")]
    [TestCase("\"sources\": { \"s\": { \"target\": \"a/current[30..50]\", \"kind\": \"constant\" } }", "$.sources.s.target", "outside port")]
    [TestCase("\"sources\": { \"s\": { \"target\": \"a/spikes\", \"kind\": \"constant\" } }", "$.sources.s.target", "is an output")]
    [TestCase("\"sources\": { \"s\": { \"target\": \"a/current[0..2]\", \"kind\": \"sequence\", \"frames\": [[1, 2, 3]] } }", "$.sources.s.frames[0]", "has 3 values")]
    [TestCase("\"links\": { \"l\": { \"from\": \"a/current\", \"to\": \"b/current\" } }", "$.links.l.from", "is an input")]
    [TestCase("\"links\": { \"l\": { \"from\": \"a/spikes\", \"to\": \"b/current\" } }", "$.links.l", "equal lengths")]
    [TestCase("\"projections\": { \"p\": { \"from\": \"b\", \"to\": \"a\", \"maxDelay\": 9 } }", "$.projections.p.maxDelay", "")]
    [TestCase("\"modulators\": { \"m\": { \"target\": \"a\", \"terms\": [{ \"level\": 0, \"coefficient\": 1, \"a\": \"b/spikes[0..99]\" }] } }", "$.modulators.m.terms[0].a", "outside port")]
    [TestCase("\"modulators\": { \"m\": { \"action\": \"writePort\", \"target\": \"t/activation\" } }", "$.modulators.m.target", "is an output")]
    public void WorldErrors_NameTheirPath_BeforeAnythingRuns(string network, string path, string problem)
    {
        using var dir = new TempDirectory();
        var scenario = ScenarioReader.Parse(Scenario(network));
        var error = Assert.Throws<ScenarioException>(() => ScenarioRunner.Start(scenario, new RunOverrides { OutputDir = dir.Path }))!;
        Assert.That(error.JsonPath, Is.EqualTo(path), error.Message);
        Assert.That(error.Problem, Does.Contain(problem));
        Assert.That(Directory.GetFiles(dir.Path), Is.Empty, "nothing ran");
    }

    /// <summary>docs/scenarios.md, "Checkpoints, signals, resume": a checkpointed network scenario resumes to the same outputs.</summary>
    [Test]
    public void ANetworkScenario_ResumedFromACheckpoint_EqualsTheUninterruptedRun()
    {
        using var temp = new TempDirectory();
        const string extra = """
            , "recordings": {
                "noise": { "what": "port", "population": "noise", "port": "value" },
                "b-spikes": { "what": "spikes", "population": "b" },
                "body": { "what": "port", "population": "t", "port": "activation", "every": 3 }
              },
              "checkpoints": { "ckpt": { "every": 20, "keep": 5 } }
            """;
        string file = temp.File("network.json");
        File.WriteAllText(file, Scenario(Network, extra: extra));
        string whole = temp.File("whole"), parts = temp.File("parts");
        foreach (string dir in new[] { whole, parts })
        {
            var run = CliRun.Of("run", file, "--out", dir, "--threads", dir == whole ? "1" : "2");
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        }

        var resumed = CliRun.Of("resume", Path.Combine(parts, "ckpt-0000000020.gnw"), "--threads", "1");
        Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.Error);
        RunnerScenarios.AssertSameOutputs(whole, parts);
        Assert.That(File.ReadAllBytes(Path.Combine(parts, "ckpt-0000000040.gnw")), Is.EqualTo(File.ReadAllBytes(Path.Combine(whole, "ckpt-0000000040.gnw"))));
    }

    [Test]
    public void RecordingsAndInputs_MayNameSources()
    {
        string recordings = """, "recordings": { "noise-values": { "what": "port", "population": "noise", "port": "value" } }""";
        var scenario = ScenarioReader.Parse(Scenario(Network, extra: recordings));
        Assert.That(scenario.Recordings.Single().Value.Population, Is.EqualTo("noise"));
    }

    [Test]
    public void TheJsonSchema_ListsExactlyTheNetworkRecordsFields()
    {
        var schema = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(RunnerScenarios.RepositoryRoot(), "scenarios", "schema", "scenario.schema.json")))!;
        var defs = schema["$defs"]!;
        static string[] Keys(System.Text.Json.Nodes.JsonNode? node) => node!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();
        static string[] Fields(Type type, params string[] extra) => ScenarioJson.Defaults(type).Select(p => p.Key).Concat(extra).Order(StringComparer.Ordinal).ToArray();
        Assert.That(Keys(defs["projection"]!["properties"]), Is.EqualTo(Fields(typeof(ProjectionDefinition), "from", "to")));
        Assert.That(Keys(defs["projection"]!["properties"]!["synapses"]!["items"]!["properties"]),
            Is.EqualTo(Keys(System.Text.Json.JsonSerializer.SerializeToNode(new ExplicitSynapse(), ScenarioJson.Options))));
        Assert.That(Keys(defs["source"]!["properties"]), Is.EqualTo(Fields(typeof(SourceDefinition))));
        Assert.That(Keys(defs["link"]!["properties"]), Is.EqualTo(Fields(typeof(LinkDefinition))));
        Assert.That(Keys(defs["modulator"]!["properties"]), Is.EqualTo(Fields(typeof(ModulatorDefinition))));
        Assert.That(Keys(defs["term"]!["properties"]),
            Is.EqualTo(Keys(System.Text.Json.JsonSerializer.SerializeToNode(new ModulatorTermDefinition(0, 0, ""), ScenarioJson.Options))));
        Assert.That(Keys(schema["properties"]), Is.SupersetOf(ScenarioNetworkKeys));
        Assert.That(Keys(defs["region"]!["properties"]), Is.EqualTo(Fields(typeof(GrowNet.Ecs.Systems.Region.RegionDefinition))));
        Assert.That(Keys(defs["topology"]!["properties"]), Is.EqualTo(Fields(typeof(GrowNet.Ecs.Systems.Topology.TopologyDefinition))));
        Assert.That(Keys(defs["graph"]!["properties"]), Is.EqualTo(Fields(typeof(GrowNet.Ecs.Systems.Graph.GraphDefinition))));
    }

    private static readonly string[] ScenarioNetworkKeys = ["projections", "sources", "links", "modulators"];

    private static void AssertError(string text, string path, string problem)
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioReader.Parse(text))!;
        Assert.That(error.JsonPath, Is.EqualTo(path), error.Message);
        Assert.That(error.Problem, Does.Contain(problem));
    }
}
