using System.CommandLine;
using GrowNet.Ecs.Cli.Demos;

namespace GrowNet.Ecs.Cli.Commands;

/// <summary>
/// <c>grownet demo [NAME] [--save FILE.gnw]</c>: runs the built-in demos. Each demo in
/// <see cref="Demos"/> is a subcommand; <c>grownet demo</c> alone runs all of them in turn.
/// </summary>
public static class DemoCommand
{
    /// <summary>The demos, in the order <c>grownet demo</c> runs them.</summary>
    public static IReadOnlyList<IDemo> Demos { get; } = [new PoolLearningDemoCommand(), new RegionDemoCommand(), new GrowthDemoCommand(), new TopologyDemoCommand(), new DiscriminationDemoCommand()];

    /// <summary>Builds the <c>demo</c> command.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var command = new Command("demo", "Run the built-in demos (all of them, or the one named).");
        command.SetAction(_ =>
        {
            foreach (var demo in Demos)
            {
                int code = demo.Run(context, savePath: null);
                if (code != ExitCodes.Success)
                    return code;
                context.Output.WriteLine();
            }

            return ExitCodes.Success;
        });
        foreach (var demo in Demos)
        {
            var saveOption = WorldFiles.SaveOption("Save the demo's world to this .gnw file at the end (continue it with 'grownet resume').");
            var subcommand = new Command(demo.Name, demo.Description) { saveOption };
            subcommand.SetAction(parseResult => demo.Run(context, parseResult.GetValue(saveOption)));
            command.Subcommands.Add(subcommand);
        }

        return command;
    }
}
