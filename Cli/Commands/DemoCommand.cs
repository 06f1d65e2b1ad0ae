using System.CommandLine;
using GrowNet.Ecs.Cli.Demos;

namespace GrowNet.Ecs.Cli.Commands;

/// <summary>
/// <c>grownet demo [NAME]</c>: runs a built-in demo. Each demo in <see cref="Demos"/> is a
/// subcommand; <c>grownet demo</c> alone runs the first (the pool learning demo).
/// </summary>
public static class DemoCommand
{
    /// <summary>The demos, default first.</summary>
    public static IReadOnlyList<IDemo> Demos { get; } = [new PoolLearningDemoCommand()];

    /// <summary>Builds the <c>demo</c> command.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var defaultDemo = Demos[0];
        var command = new Command("demo", $"Run a built-in demo (default: '{defaultDemo.Name}').");
        command.SetAction(_ => defaultDemo.Run(context));
        foreach (var demo in Demos)
        {
            var subcommand = new Command(demo.Name, demo.Description);
            subcommand.SetAction(_ => demo.Run(context));
            command.Subcommands.Add(subcommand);
        }

        return command;
    }
}
