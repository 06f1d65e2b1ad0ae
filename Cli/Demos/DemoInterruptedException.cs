namespace GrowNet.Ecs.Cli.Demos;

/// <summary>
/// A demo's scenario run was stopped by SIGINT or SIGTERM (after its current tick): the demo prints
/// no summary of a partial run and <c>grownet</c> exits with code 130, as <c>grownet run</c> does.
/// </summary>
public sealed class DemoInterruptedException : Exception
{
    /// <summary>Creates the exception for the demo run that stopped at <paramref name="tick"/>.</summary>
    public DemoInterruptedException(ulong tick)
        : base($"interrupted at tick {tick}; the demo stopped without its summary.")
    {
        Tick = tick;
    }

    /// <summary>The world tick the run stopped at.</summary>
    public ulong Tick { get; }
}
