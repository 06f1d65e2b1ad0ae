using Spectre.Console;

namespace GrowNet.Ecs.Cli;

/// <summary>
/// Runs work under a Spectre.Console progress bar when the output is an interactive console, and
/// silently otherwise (tests, pipes, redirected output get no progress lines).
/// </summary>
public static class ProgressDisplay
{
    /// <summary>Runs <paramref name="body"/>, which reports absolute progress (0..<paramref name="maxValue"/>) through the callback it receives.</summary>
    /// <typeparam name="T">What the work returns.</typeparam>
    /// <param name="context">Decides whether a bar is drawn.</param>
    /// <param name="description">The bar's label.</param>
    /// <param name="maxValue">Progress value at completion.</param>
    /// <param name="body">The work; call the callback with the progress so far.</param>
    public static T Run<T>(CliContext context, string description, double maxValue, Func<Action<double>, T> body)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        if (!context.Interactive || maxValue <= 0)
            return body(static _ => { });

        return AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new PercentageColumn(),
                new ElapsedTimeColumn(),
                new RemainingTimeColumn(),
                new SpinnerColumn())
            .Start(progress =>
            {
                var task = progress.AddTask(Markup.Escape(description), autoStart: true, maxValue: maxValue);
                var result = body(value => task.Value = Math.Min(value, maxValue));
                task.Value = maxValue;
                return result;
            });
    }
}
