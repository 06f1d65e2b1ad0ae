using GrowNet.Ecs.Cli;

namespace GrowNet.Ecs.Tests.Cli;

/// <summary>One captured run of the <c>grownet</c> command line.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = Program.Run(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
