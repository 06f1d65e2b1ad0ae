using GrowNet.Ecs.Systems.Graph;

namespace GrowNet.Ecs.Cli.Demos.Graph;

/// <summary>Offline ordinary least squares in double (the Mackey–Glass scenario's control (c)).</summary>
internal static class GraphLeastSquares
{
    /// <summary>
    /// The coefficients β (features then a bias) minimising Σ (y − X β)², from the normal equations
    /// solved by Gaussian elimination with partial pivoting. A tiny ridge (1e-12 of the mean
    /// diagonal) keeps collinear features (a Summary is the mean of its children) solvable.
    /// </summary>
    public static double[] Fit(double[][] rows, double[] targets)
    {
        int p = rows.Length == 0 ? 1 : rows[0].Length + 1;
        var a = new double[p, p + 1];
        var x = new double[p];
        for (int n = 0; n < rows.Length; n++)
        {
            rows[n].CopyTo(x, 0);
            x[p - 1] = 1;
            for (int i = 0; i < p; i++)
            {
                for (int j = 0; j < p; j++)
                    a[i, j] += x[i] * x[j];
                a[i, p] += x[i] * targets[n];
            }
        }

        double trace = 0;
        for (int i = 0; i < p; i++)
            trace += a[i, i];
        for (int i = 0; i < p; i++)
            a[i, i] += 1e-12 * Math.Max(trace / p, 1e-300);
        return Solve(a, p);
    }

    /// <summary>Σ β · features + bias for one row.</summary>
    public static double Predict(double[] beta, double[] row)
    {
        double y = beta[^1];
        for (int i = 0; i < row.Length; i++)
            y += beta[i] * row[i];
        return y;
    }

    private static double[] Solve(double[,] a, int p)
    {
        for (int col = 0; col < p; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < p; r++)
                if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col]))
                    pivot = r;
            for (int c = 0; c <= p; c++)
                (a[col, c], a[pivot, c]) = (a[pivot, c], a[col, c]);
            if (a[col, col] == 0)
                continue;
            for (int r = col + 1; r < p; r++)
            {
                double f = a[r, col] / a[col, col];
                for (int c = col; c <= p; c++)
                    a[r, c] -= f * a[col, c];
            }
        }

        var beta = new double[p];
        for (int i = p - 1; i >= 0; i--)
        {
            double sum = a[i, p];
            for (int j = i + 1; j < p; j++)
                sum -= a[i, j] * beta[j];
            beta[i] = a[i, i] == 0 ? 0 : sum / a[i, i];
        }

        return beta;
    }
}
