using GrowNet.Ecs.Systems.Pool;
using System.CommandLine;
using GrowNet.Ecs.Cli.Demos;

namespace GrowNet.Ecs.Cli.Commands;

/// <summary>
/// <c>grownet demo [NAME] [--save FILE.gnw]</c>: runs the built-in demos. Each demo in
/// <see cref="Demos"/> is a subcommand; <c>grownet demo</c> alone runs all of them in turn (and
/// with <c>--save FILE.gnw</c> saves each one's world as <c>FILE-NAME.gnw</c>).
/// </summary>
public static class DemoCommand
{
    /// <summary>The demos, in the order <c>grownet demo</c> runs them.</summary>
    public static IReadOnlyList<IDemo> Demos { get; } =
    [
        new PoolLearningDemoCommand(), new RegionDemoCommand(), new GrowthDemoCommand(), new TopologyDemoCommand(),
        new DiscriminationDemoCommand(), new ChainDemoCommand(), new MackeyGlassDemoCommand(), new TwoChannelDemoCommand(),
    ];

    /// <summary>Builds the <c>demo</c> command.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var allSaveOption = WorldFiles.SaveOption(
            "Save each demo's world at the end: FILE.gnw gives FILE-<demo>.gnw per demo (continue one with 'grownet resume').");
        var command = new Command("demo", "Run the built-in demos (all of them, or the one named).") { allSaveOption };
        command.SetAction(parseResult =>
        {
            string? savePath = parseResult.GetValue(allSaveOption);
            WorldFiles.CheckSavePath(savePath);
            foreach (var demo in Demos)
            {
                int code = demo.Run(context, savePath is null ? null : PathFor(savePath, demo.Name));
                if (code != ExitCodes.Success)
                    return code;
                context.Output.WriteLine();
            }

            return ExitCodes.Success;
        });
        foreach (var demo in Demos)
        {
            var saveOption = WorldFiles.SaveOption("Save the demo's world to this .gnw file at the end (continue it with 'grownet resume').");
            var timingsOption = TimingsCsv.CreateOption();
            var subcommand = new Command(demo.Name, demo.Description) { saveOption, timingsOption };
            subcommand.SetAction(parseResult => demo.Run(context, parseResult.GetValue(saveOption), parseResult.GetValue(timingsOption)));
            command.Subcommands.Add(subcommand);
        }

        return command;
    }

    /// <summary>The file one demo of <c>grownet demo --save FILE.gnw</c> saves to: <c>FILE-NAME.gnw</c>.</summary>
    public static string PathFor(string savePath, string demoName)
    {
        string folder = Path.GetDirectoryName(savePath) ?? "";
        return Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(savePath)}-{demoName}{Path.GetExtension(savePath)}");
    }
}
