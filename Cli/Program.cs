namespace GrowNet.Ecs.Cli;

/// <summary>Entry point of the <c>grownet</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line and returns the exit code.</summary>
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("usage: grownet <command> [options]");
        return args.Length == 0 ? 1 : 2;
    }
}
