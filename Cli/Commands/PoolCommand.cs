using System.CommandLine;

namespace GrowNet.Ecs.Cli.Commands;

/// <summary><c>grownet pool</c>: commands on single neuron pools (currently <c>run</c>).</summary>
public static class PoolCommand
{
    /// <summary>Builds the <c>pool</c> command with its subcommands.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var command = new Command("pool", "Work with a single neuron pool (integer LIF cells, neuropool 0.1 model).");
        command.Subcommands.Add(PoolRunCommand.Create(context));
        return command;
    }
}
