using NUnit.Framework;
namespace GrowNet.Ecs.Tests.Cli.Runner;

/// <summary>Small scenario texts for the runner tests, and where the repository's files are.</summary>
internal static class RunnerScenarios
{
    /// <summary>A 256-cell standard pool driven on cells 0..32, with every kind of recording.</summary>
    public static string Small(string outputDir, long ticks = 300, string extra = "") => $$"""
        {
          "version": 1,
          "run": { "ticks": {{ticks}}, "seed": 11, "threads": 1 },
          "output": { "dir": "{{outputDir.Replace("\\", "\\\\")}}" },
          "populations": {
            "p": { "family": "pool", "cells": 256, "generator": "standard", "density": 0.05, "config": { "maxDelay": 4 } }
          },
          "inputs": { "drive": { "target": "p/current[0..32]", "value": 10000 } },
          "recordings": {
            "raster": { "what": "spikes", "population": "p" },
            "metrics": { "what": "metrics", "population": "p", "every": 10 },
            "trace": { "what": "port", "population": "p", "port": "trace", "from": 8, "to": 24, "every": 5, "start": 3 },
            "timings": { "what": "timings", "every": 50 }
          },
          "checkpoints": { "ckpt": { "every": 100, "keep": 5 } }{{extra}}
        }
        """;

    /// <summary>The repository root (the folder holding GrowNet.Ecs.sln).</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "GrowNet.Ecs.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException("GrowNet.Ecs.sln not found above the test directory.");
    }

    /// <summary>Asserts two output folders hold the same deterministic files, byte for byte.</summary>
    public static void AssertSameOutputs(string expectedDir, string actualDir)
    {
        var expected = DeterministicOutputs(expectedDir);
        var actual = DeterministicOutputs(actualDir);
        Assert.That(actual.Keys, Is.EqualTo(expected.Keys));
        foreach (var (name, bytes) in expected)
            Assert.That(actual[name], Is.EqualTo(bytes), name);
    }

    /// <summary>Every output file of a run except the wall-clock timings, checkpoints and logs, by name.</summary>
    public static SortedDictionary<string, byte[]> DeterministicOutputs(string dir)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (string file in Directory.GetFiles(dir))
        {
            string name = Path.GetFileName(file);
            if (name.StartsWith("timings", StringComparison.Ordinal) || name.EndsWith(".gnw", StringComparison.Ordinal)
                || name.EndsWith(".run.json", StringComparison.Ordinal) || name.EndsWith(".html", StringComparison.Ordinal))
                continue;
            files[name] = File.ReadAllBytes(file);
        }

        return files;
    }
}
