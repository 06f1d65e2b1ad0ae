namespace GrowNet.Ecs.Systems.Graph;

/// <summary>
/// The Mackey–Glass series of graph.md ("Scenarios that must run"), τ = 17, in double:
/// <c>x[n] = 1.2</c> for −170 ≤ n ≤ 0, <c>x[n+1] = x[n] + 0.1·(0.2·d/(1 + d10) − 0.1·x[n])</c> with
/// <c>d = x[n−170]</c> and d10 built as d2 = d·d, d4 = d2·d2, d8 = d4·d4, d10 = d8·d2. Tick t
/// (from 1) stages <c>(float)(x[10t] − 0.9)</c>.
/// </summary>
public static class MackeyGlass
{
    /// <summary>Integration steps of the delay τ = 17 (step 0.1).</summary>
    public const int DelaySteps = 170;

    /// <summary><c>x[10t] − 0.9</c> for t = 1..<paramref name="ticks"/> (element t − 1), in double.</summary>
    public static double[] Centered(int ticks)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ticks);
        int steps = 10 * ticks;
        var x = new double[DelaySteps + steps + 1];
        for (int n = 0; n <= DelaySteps; n++)
            x[n] = 1.2;
        for (int n = 0; n < steps; n++)
        {
            // x[DelaySteps + n] is x[n] of the spec; x[n] here is its x[n − 170].
            double d = x[n];
            double d2 = d * d;
            double d4 = d2 * d2;
            double d8 = d4 * d4;
            double d10 = d8 * d2;
            double current = x[DelaySteps + n];
            x[DelaySteps + n + 1] = current + 0.1 * (0.2 * d / (1 + d10) - 0.1 * current);
        }

        var series = new double[ticks];
        for (int t = 1; t <= ticks; t++)
            series[t - 1] = x[DelaySteps + 10 * t] - 0.9;
        return series;
    }

    /// <summary>The staged inputs <c>(float)(x[10t] − 0.9)</c>, element t − 1.</summary>
    public static float[] Inputs(int ticks) => Array.ConvertAll(Centered(ticks), v => (float)v);
}
