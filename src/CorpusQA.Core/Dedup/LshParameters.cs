namespace CorpusQA.Core.Dedup;

/// <summary>A point of the LSH S-curve: the probability that a pair of Jaccard similarity s becomes a candidate.</summary>
public readonly record struct SCurvePoint(double Similarity, double CandidateProbability);

/// <summary>The LSH banding: <see cref="Bands"/> bands of <see cref="Rows"/> signature values each.</summary>
public sealed record LshParameters(int Bands, int Rows)
{
    /// <summary>Weighted false-positive plus false-negative area this choice leaves at the threshold.</summary>
    public double WeightedError { get; init; }

    /// <summary>Theoretical candidate probability 1 - (1 - s^r)^b.</summary>
    public double CandidateProbability(double similarity) =>
        1 - Math.Pow(1 - Math.Pow(similarity, Rows), Bands);

    /// <summary>
    /// The similarities where the S-curve crosses <paramref name="lowProbability"/> and
    /// <paramref name="highProbability"/>: inside this band LSH decides by chance, outside it almost surely.
    /// </summary>
    public (double Low, double High) TransitionBand(double lowProbability = 0.05, double highProbability = 0.95) =>
        (SimilarityAt(lowProbability), SimilarityAt(highProbability));

    /// <summary>The similarity s with CandidateProbability(s) = p (bisection; the curve is increasing).</summary>
    public double SimilarityAt(double probability)
    {
        double lo = 0, hi = 1;
        for (int i = 0; i < 60; i++)
        {
            double mid = (lo + hi) / 2;
            if (CandidateProbability(mid) < probability) lo = mid; else hi = mid;
        }
        return (lo + hi) / 2;
    }

    /// <summary>The S-curve sampled at <paramref name="points"/> evenly spaced similarities 0..1 (for printing).</summary>
    public IReadOnlyList<SCurvePoint> SCurve(int points = 21)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 2);
        var curve = new SCurvePoint[points];
        for (int i = 0; i < points; i++)
        {
            double s = (double)i / (points - 1);
            curve[i] = new SCurvePoint(s, CandidateProbability(s));
        }
        return curve;
    }

    /// <summary>
    /// datasketch's <c>_optimal_param</c>: over every b, r with b·r ≤ numPerm, minimize
    /// fpWeight·∫₀ᵗ P(s) ds + fnWeight·∫ₜ¹ (1 − P(s)) ds, the first minimum winning ties (b outer, r inner).
    /// </summary>
    public static LshParameters Optimal(double threshold, int numPerm, double falsePositiveWeight = 0.5, double falseNegativeWeight = 0.5)
    {
        double best = double.PositiveInfinity;
        int bestBands = 0, bestRows = 0;
        for (int b = 1; b <= numPerm; b++)
        {
            int maxRows = numPerm / b;
            for (int r = 1; r <= maxRows; r++)
            {
                double fp = Integrate(s => 1 - Math.Pow(1 - Math.Pow(s, r), b), 0, threshold);
                double fn = Integrate(s => Math.Pow(1 - Math.Pow(s, r), b), threshold, 1);
                double error = fp * falsePositiveWeight + fn * falseNegativeWeight;
                if (error < best)
                {
                    best = error;
                    bestBands = b;
                    bestRows = r;
                }
            }
        }
        return new LshParameters(bestBands, bestRows) { WeightedError = best };
    }

    /// <summary>Composite Simpson's rule; the integrands are smooth polynomials, so 256 panels are ample.</summary>
    internal static double Integrate(Func<double, double> f, double from, double to)
    {
        const int Panels = 256;
        double h = (to - from) / Panels;
        double sum = f(from) + f(to);
        for (int i = 1; i < Panels; i++)
            sum += f(from + i * h) * (i % 2 == 1 ? 4 : 2);
        return sum * h / 3;
    }
}
