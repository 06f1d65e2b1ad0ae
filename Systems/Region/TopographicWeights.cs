namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// Weights of the topographic preset (grownet.md "Layers, tracts, wiring"): exp(−d²/(2σ²)) by
/// the pixel distance d between a source and its center, optionally normalised so each center's
/// incoming weights sum to 1.
/// </summary>
public static class TopographicWeights
{
    /// <summary>The weight of every (source, center) pair, pixel indices of a <paramref name="width"/>-wide image.</summary>
    public static double[] Compute(IReadOnlyList<(int Source, int Center)> pairs, int width, double sigma, bool normalize)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var weights = new double[pairs.Count];
        double twoSigmaSquared = 2 * sigma * sigma;
        var sums = new Dictionary<int, double>();
        for (int i = 0; i < pairs.Count; i++)
        {
            var (source, center) = pairs[i];
            double dr = source / width - center / width;
            double dc = source % width - center % width;
            weights[i] = Math.Exp(-(dr * dr + dc * dc) / twoSigmaSquared);
            sums[center] = sums.GetValueOrDefault(center) + weights[i];
        }

        if (normalize)
        {
            for (int i = 0; i < pairs.Count; i++)
            {
                double sum = sums[pairs[i].Center];
                if (sum > 0)
                    weights[i] /= sum;
            }
        }

        return weights;
    }
}
