using NUnit.Framework;
using System.Text.Json.Nodes;
using GrowNet.Ecs.Cli.Runner;
using GrowNet.Ecs.Systems.Pool;

namespace GrowNet.Ecs.Tests.Cli.Runner;

public sealed class ScenarioReaderTests
{
    private static string Pool(string fields) => $$"""
        { "version": 1, "run": { "ticks": 10, "seed": 1 },
          "populations": { "cortex": { "family": "pool", {{fields}} } } }
        """;

    private static ScenarioException Error(string text, params string[] sets)
        => Assert.Throws<ScenarioException>(() => ScenarioReader.Parse(text, sets))!;

    [Test]
    public void Population_entries_are_the_family_config_record_with_defaults()
    {
        var scenario = ScenarioReader.Parse(Pool("\"cells\": 100, \"generator\": \"compat\", \"density\": 0.1, \"config\": { \"maxDelay\": 3 }"));
        var definition = (PoolDefinition)scenario.Populations[0].Value;
        var expectedConfig = PoolDefinition.Compat(100, 0.1f).Config;
        expectedConfig.MaxDelay = 3;
        Assert.That(definition, Is.EqualTo(new PoolDefinition { Cells = 100, Generator = PoolGenerator.Compat, Density = 0.1, Config = expectedConfig }));
        var described = scenario.Defaulted["populations"]!["cortex"]!;
        Assert.That(described["config"]!["traceDecay"]!.GetValue<int>(), Is.EqualTo(230));
        Assert.That(described["family"]!.GetValue<string>(), Is.EqualTo("pool"));
        Assert.That(scenario.Defaulted["output"]!["dir"]!.GetValue<string>(), Is.EqualTo("out"));
    }

    [Test]
    public void The_defaulted_scenario_reads_back_to_itself()
    {
        var scenario = ScenarioReader.Parse(RunnerScenarios.Small("o"));
        var again = ScenarioReader.Parse(scenario.ToJson());
        Assert.That(again.ToJson(), Is.EqualTo(scenario.ToJson()));
        Assert.That(again.Recordings.Select(r => r.Value), Is.EqualTo(scenario.Recordings.Select(r => r.Value)));
    }

    [TestCase("\"cells\": 10, \"densty\": 0.1", "$.populations.cortex.densty")]
    [TestCase("\"cells\": 10, \"config\": { \"maxDelai\": 2 }", "$.populations.cortex.config.maxDelai")]
    [TestCase("\"cells\": \"many\"", "$.populations.cortex.cells")]
    [TestCase("\"cells\": 10, \"config\": { \"maxDelay\": 300 }", "$.populations.cortex.config.maxDelay")]
    [TestCase("\"cells\": 10, \"generator\": \"fancy\"", "$.populations.cortex.generator")]
    [TestCase("\"cells\": 0", "$.populations.cortex.cells")]
    [TestCase("\"cells\": 10, \"density\": 2", "$.populations.cortex.density")]
    [TestCase("\"cells\": 10, \"config\": { \"maxDelay\": 0 }", "$.populations.cortex.config.maxDelay")]
    [TestCase("\"cells\": 10, \"config\": 5", "$.populations.cortex.config")]
    public void Bad_population_fields_name_their_json_path(string fields, string path)
        => Assert.That(Error(Pool(fields)).JsonPath, Is.EqualTo(path));

    [Test]
    public void Unknown_family_missing_seed_and_bad_version_are_named()
    {
        Assert.That(Error("""{ "version": 1, "run": { "seed": 1 }, "populations": { "x": { "family": "poool" } } }""").JsonPath, Is.EqualTo("$.populations.x.family"));
        Assert.That(Error("""{ "version": 1, "run": { "ticks": 5 } }""").JsonPath, Is.EqualTo("$.run.seed"));
        Assert.That(Error("""{ "version": 2, "run": { "seed": 1 } }""").JsonPath, Is.EqualTo("$.version"));
        Assert.That(Error("""{ "version": 1 }""").JsonPath, Is.EqualTo("$.run"));
        Assert.That(Error("""{ "version": 1, "run": { "seed": 1, "ticks": -3 } }""").JsonPath, Is.EqualTo("$.run.ticks"));
        Assert.That(Error("""{ "version": 1, "run": { "seed": 1 }, "extra": 1 }""").JsonPath, Is.EqualTo("$.extra"));
        Assert.That(Error("""{ "version": 1, "run": { "seed": 1 }, "links": { "l": 1 } }""").JsonPath, Is.EqualTo("$.links.l"));
        Assert.That(Error("{ not json").JsonPath, Is.EqualTo("$"));
    }

    [Test]
    public void Unknown_references_and_bad_entries_are_named()
    {
        string recording = Pool("\"cells\": 10") [..^1] + """, "recordings": { "r": { "what": "metrics", "population": "poool" } } }""";
        var error = Error(recording);
        Assert.That(error.Message, Is.EqualTo("$.recordings.r.population: no population 'poool'."));
        string input = Pool("\"cells\": 10")[..^1] + """, "inputs": { "i": { "target": "nobody/current", "value": 1 } } }""";
        Assert.That(Error(input).JsonPath, Is.EqualTo("$.inputs.i.target"));
        string badRange = Pool("\"cells\": 10")[..^1] + """, "inputs": { "i": { "target": "cortex/current[5..2]" } } }""";
        Assert.That(Error(badRange).JsonPath, Is.EqualTo("$.inputs.i.target"));
        string every = Pool("\"cells\": 10")[..^1] + """, "checkpoints": { "c": { "every": 0 } } }""";
        Assert.That(Error(every).JsonPath, Is.EqualTo("$.checkpoints.c.every"));
        string clash = Pool("\"cells\": 10")[..^1] + """, "recordings": { "x": { "what": "timings" } }, "checkpoints": { "x": {} } }""";
        Assert.That(Error(clash).JsonPath, Is.EqualTo("$.checkpoints.x"));
        string badName = Pool("\"cells\": 10")[..^1] + """, "recordings": { "../up": { "what": "timings" } } }""";
        Assert.That(Error(badName).JsonPath, Is.EqualTo("$.recordings.../up"));
    }

    [Test]
    public void Set_overrides_apply_before_validation()
    {
        var scenario = ScenarioReader.Parse(Pool("\"cells\": 10"), ["run.seed=99", "populations.cortex.cells=20", "output.dir=elsewhere"]);
        Assert.That(scenario.Run.Seed, Is.EqualTo(99UL));
        Assert.That(((PoolDefinition)scenario.Populations[0].Value).Cells, Is.EqualTo(20));
        Assert.That(scenario.Output.Dir, Is.EqualTo("elsewhere"));
        Assert.That(Error(Pool("\"cells\": 10"), "populations.cortex.cells=-1").JsonPath, Is.EqualTo("$.populations.cortex.cells"));
        Assert.That(Error(Pool("\"cells\": 10"), "noequals").JsonPath, Is.EqualTo("$"));
    }

    [Test]
    public void Every_scenario_file_of_the_repository_is_valid()
    {
        string[] files = Directory.GetFiles(Path.Combine(RunnerScenarios.RepositoryRoot(), "scenarios"), "*.json");
        Assert.That(files, Is.Not.Empty);
        foreach (string file in files)
            Assert.DoesNotThrow(() => ScenarioReader.ReadFile(file), file);
    }

    [Test]
    public void The_json_schema_lists_exactly_the_record_fields()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(RunnerScenarios.RepositoryRoot(), "scenarios", "schema", "scenario.schema.json")))!;
        var defs = schema["$defs"]!;
        static string[] Keys(JsonNode? node) => node!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();
        static string[] Fields(Type type) => ScenarioJson.Defaults(type).Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();
        Assert.That(Keys(defs["pool"]!["properties"]), Is.EqualTo(Fields(typeof(PoolDefinition))));
        Assert.That(Keys(defs["pool"]!["properties"]!["config"]!["properties"]), Is.EqualTo(Keys(ScenarioJson.Defaults(typeof(PoolDefinition))["config"])));
        Assert.That(Keys(defs["recording"]!["properties"]), Is.EqualTo(Fields(typeof(RecordingDefinition))));
        Assert.That(Keys(defs["checkpoint"]!["properties"]), Is.EqualTo(Fields(typeof(CheckpointDefinition))));
        Assert.That(Keys(defs["input"]!["properties"]), Is.EqualTo(Fields(typeof(InputDefinition))));
        Assert.That(Keys(schema["properties"]!["run"]!["properties"]), Is.EqualTo(Fields(typeof(RunSettings))));
        Assert.That(Keys(schema["properties"]!["output"]!["properties"]), Is.EqualTo(Fields(typeof(OutputSettings))));
    }
}
