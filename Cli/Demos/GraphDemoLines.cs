using System.Globalization;
using GrowNet.Ecs.Cli.Demos.Graph;
using GrowNet.Ecs.Systems.Graph;

namespace GrowNet.Ecs.Cli.Demos;

/// <summary>The lines the graph demos print.</summary>
internal static class GraphDemoLines
{
    /// <summary><c>nrmse grown=… frozen=… persistence=… leastsquares=…</c>.</summary>
    public static string Nrmse(GraphDemoResult result)
        => $"nrmse grown={F(result.Grown)} frozen={F(result.Frozen)} persistence={F(result.Persistence)} leastsquares={F(result.LeastSquares)}";

    /// <summary>The counters of the grown structure, then one line per predictor.</summary>
    public static IEnumerable<string> Grown(GraphDemoResult result)
    {
        var m = result.Metrics;
        yield return $"grown: predictors={m.Predictors} cstruct={m.Cstruct} cactive={m.Cactive} commits={m.Commits} " +
                     $"displacements={m.Displacements} prunes={m.Prunes} splits={m.Splits} gamma_scale={F(m.GammaScale)} cycles={m.CompletedCycles}";
        foreach (string line in result.Structure)
            yield return "  " + line;
    }

    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
