using System.Diagnostics;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;

namespace GrowNet.Ecs.Cli.Bench.Results;

/// <summary>The runtime and build a run was made with.</summary>
public sealed record RuntimeInfo
{
    /// <summary>Runtime description (e.g. ".NET 10.0.0").</summary>
    public required string Framework { get; init; }

    /// <summary>Runtime version.</summary>
    public required string Version { get; init; }

    /// <summary>Whether the engine was built with the JIT optimizer on (Release).</summary>
    public bool Optimized { get; init; }

    /// <summary>Whether the server garbage collector is in use.</summary>
    public bool ServerGc { get; init; }

    /// <summary>The DOTNET_TieredCompilation / DOTNET_TieredPGO / DOTNET_ReadyToRun settings in the environment, as "name=value" (empty when none is set).</summary>
    public string[] JitSettings { get; init; } = [];

    /// <summary>Describes this process's runtime.</summary>
    public static RuntimeInfo Capture()
    {
        var engine = typeof(GrowNet.Ecs.Engine.World).Assembly;
        bool optimized = engine.GetCustomAttribute<DebuggableAttribute>() is not { IsJITOptimizerDisabled: true };
        string[] settings = [.. new[] { "DOTNET_TieredCompilation", "DOTNET_TieredPGO", "DOTNET_ReadyToRun", "DOTNET_TC_QuickJitForLoops" }
            .Where(name => Environment.GetEnvironmentVariable(name) is not null)
            .Select(name => $"{name}={Environment.GetEnvironmentVariable(name)}")];
        return new RuntimeInfo
        {
            Framework = RuntimeInformation.FrameworkDescription,
            Version = Environment.Version.ToString(),
            Optimized = optimized,
            ServerGc = GCSettings.IsServerGC,
            JitSettings = settings,
        };
    }
}
