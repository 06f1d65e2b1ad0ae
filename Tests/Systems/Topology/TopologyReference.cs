using GrowNet.Ecs.Components.Topology;

namespace GrowNet.Ecs.Tests.Systems.Topology;

/// <summary>
/// An independent, deliberately plain implementation of topology.md in double precision: full
/// N×N matrices, nested loops, a sorted list of every candidate and every edge. Shares no code
/// with the engine.
/// </summary>
internal sealed class TopologyReference
{
    private readonly TopologyParameters p;

    public TopologyReference(int n, TopologyParameters parameters)
    {
        N = n;
        p = parameters;
        X = new double[n];
        S = new double[n];
        B = new double[n];
        W = new double[n, n];
        M = new bool[n, n];
        for (int i = 0; i < n; i++)
            S[i] = 1;
    }

    public int N { get; }
    public double[] X { get; }
    public double[] S { get; }
    public double[] B { get; }
    public double[,] W { get; }
    public bool[,] M { get; }

    public int EdgeCount
    {
        get
        {
            int count = 0;
            foreach (bool edge in M)
                if (edge)
                    count++;
            return count;
        }
    }

    /// <summary>
    /// Decisions closer than this to flipping are reported as ambiguous: float32 and double may
    /// legitimately take them differently (saturated activations give potentialities that tie
    /// below float resolution).
    /// </summary>
    public const double Ambiguity = 1e-6;

    /// <summary>Copies the engine's state (x, W, M) after an ambiguous tick.</summary>
    public void Resync(ReadOnlySpan<float> x, ReadOnlySpan<float> w, ReadOnlySpan<bool> m)
    {
        for (int i = 0; i < N; i++)
        {
            X[i] = x[i];
            for (int j = 0; j < N; j++)
            {
                W[i, j] = w[i * N + j];
                M[i, j] = m[i * N + j];
            }
        }
    }

    /// <summary>One tick; returns whether any structural decision was within <see cref="Ambiguity"/> of flipping.</summary>
    public bool Step(double[]? u, double reward)
    {
        bool ambiguous = false;
        int n = N;
        // 1. Dynamics.
        var z = new double[n];
        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            for (int j = 0; j < n; j++)
                sum += W[i, j] * X[j];
            z[i] = sum + S[i] * (u?[i] ?? 0) + B[i];
        }

        double lambda = p.LeakRate;
        for (int i = 0; i < n; i++)
            X[i] = (1 - lambda) * X[i] + lambda * Sigma(z[i]);

        // 2. Plasticity: mask, then clip.
        double eta = p.LearningRate;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double delta = eta * reward * (X[i] * X[j] - X[i] * X[i] * W[i, j]);
                double masked = M[i, j] ? W[i, j] + delta : 0;
                W[i, j] = Math.Clamp(masked, -1, 1);
            }
        }

        // 3. Pruning.
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                ambiguous |= M[i, j] && Math.Abs(Math.Abs(W[i, j]) - p.SurvivalThreshold) < Ambiguity;
                if (M[i, j] && Math.Abs(W[i, j]) < p.SurvivalThreshold)
                {
                    W[i, j] = 0;
                    M[i, j] = false;
                }
            }
        }

        // 4. Sprouting. The list keeps near-threshold pairs (P > θ − margin) so ambiguity can be judged;
        // only pairs with P > θ are candidates.
        var near = new List<(double P, int U, int V)>();
        for (int u2 = 0; u2 < n; u2++)
        {
            for (int v = 0; v < n; v++)
            {
                if (u2 == v || M[u2, v])
                    continue;
                double potential = X[u2] * X[v];
                if (potential > p.SproutThreshold - Ambiguity)
                    near.Add((potential, u2, v));
            }
        }

        near.Sort((a, b) => a.P != b.P ? b.P.CompareTo(a.P) : a.U != b.U ? a.U.CompareTo(b.U) : a.V.CompareTo(b.V));
        int limit = p.MaxSproutsPerTick == 0 ? n : p.MaxSproutsPerTick;
        var candidates = near.Where(c => c.P > p.SproutThreshold).Take(limit).ToList();
        var existing = new List<(double Abs, int I, int J)>();
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                if (M[i, j])
                    existing.Add((Math.Abs(W[i, j]), i, j));
        existing.Sort((a, b) => a.Abs != b.Abs ? a.Abs.CompareTo(b.Abs) : a.I != b.I ? a.I.CompareTo(b.I) : a.J.CompareTo(b.J));
        long budget = (long)Math.Ceiling(p.MaxDensity * n * (double)n);
        int edges = existing.Count;
        int next = 0;
        while (next < candidates.Count && edges < budget)
        {
            var c = candidates[next++];
            M[c.U, c.V] = true;
            W[c.U, c.V] = c.P;
            edges++;
        }

        int compared = 0;
        for (int k = 0; next < candidates.Count && k < existing.Count; k++, next++)
        {
            var c = candidates[next];
            var e = existing[k];
            compared++;
            ambiguous |= Math.Abs(c.P - e.Abs) < Ambiguity;
            if (!(c.P > e.Abs))
                break;
            M[e.I, e.J] = false;
            W[e.I, e.J] = 0;
            M[c.U, c.V] = true;
            W[c.U, c.V] = c.P;
        }

        // Only the candidates consumed and the edges compared decide anything; their order could
        // change only against entries within the margin of the last one used.
        var used = Decisive(near.Select(c => c.P).ToList(), next + 1, descending: true);
        ambiguous |= NearTie(used);
        ambiguous |= used.Any(potential => Math.Abs(potential - p.SproutThreshold) < Ambiguity);
        ambiguous |= NearTie(Decisive(existing.Select(e => e.Abs).ToList(), compared + 1, descending: false));

        return ambiguous;
    }

    /// <summary>The first <paramref name="count"/> values of a sorted list and every later one within the margin of the last.</summary>
    private static List<double> Decisive(List<double> sorted, int count, bool descending)
    {
        int end = Math.Min(count, sorted.Count);
        if (end == 0)
            return [];
        double last = sorted[end - 1];
        while (end < sorted.Count && (descending ? sorted[end] > last - Ambiguity : sorted[end] < last + Ambiguity))
            end++;
        return sorted.GetRange(0, end);
    }

    /// <summary>Two neighbours in a sorted list that differ, but by less than the ambiguity margin.</summary>
    private static bool NearTie(List<double> sorted)
    {
        for (int k = 1; k < sorted.Count; k++)
        {
            double gap = Math.Abs(sorted[k] - sorted[k - 1]);
            if (gap != 0 && gap < Ambiguity)
                return true;
        }

        return false;
    }

    private double Sigma(double z) => p.Activation switch
    {
        ActivationKind.Tanh => Math.Tanh(z),
        ActivationKind.Sigmoid => 1 / (1 + Math.Exp(-z)),
        ActivationKind.Relu => Math.Min(Math.Max(z, 0), 1),
        _ => Math.Clamp(z, -1, 1),
    };
}
