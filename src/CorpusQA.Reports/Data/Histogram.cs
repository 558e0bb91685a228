namespace CorpusQA.Reports.Data;

/// <summary>
/// Fixed-width bins over [<see cref="Lo"/>, <see cref="Hi"/>]; values above <see cref="Hi"/> are counted in
/// <see cref="Overflow"/> (the range stops at the 99th percentile so that a long tail does not flatten the chart),
/// NaN in <see cref="NaNs"/>.
/// </summary>
public sealed class Histogram
{
    public Histogram(double lo, double hi, int bins)
    {
        if (!(hi > lo)) hi = lo + 1;
        Lo = lo;
        Hi = hi;
        Counts = new long[bins];
        _scale = bins / (hi - lo);
    }

    private readonly double _scale;

    public double Lo { get; }

    public double Hi { get; }

    public long[] Counts { get; }

    public long Overflow { get; private set; }

    public long Underflow { get; private set; }

    public long NaNs { get; private set; }

    public long Total { get; private set; }

    public double Width => (Hi - Lo) / Counts.Length;

    public void Add(double value)
    {
        Total++;
        if (double.IsNaN(value)) { NaNs++; return; }
        if (value > Hi) { Overflow++; return; }
        if (value < Lo) { Underflow++; return; }
        int bin = (int)((value - Lo) * _scale);
        Counts[Math.Min(bin, Counts.Length - 1)]++;
    }

    /// <summary>
    /// The bins for one signal: from its minimum to its 99th percentile (its maximum when that is no larger), widened
    /// to include a rule threshold that lies inside the data; from summary.json's distribution, so that several
    /// corpora can share one range in a comparison.
    /// </summary>
    public static (double Lo, double Hi) Range(SignalStats? stats, IEnumerable<double> thresholds)
    {
        if (stats is null || stats.Count == 0 || double.IsNaN(stats.Min)) return (0, 1);
        double lo = stats.Min, max = stats.Max;
        double hi = stats.Percentiles.TryGetValue("p99", out double p99) && p99 > lo && p99 < max ? p99 : max;
        foreach (double t in thresholds)
        {
            if (t > hi && t <= max) hi = Math.Min(max, t + (t - lo) * 0.05);
            if (t < lo && t >= stats.Min) lo = t;
        }
        return (lo, hi > lo ? hi : lo + 1);
    }

    /// <summary>One range covering every corpus's own range (compare).</summary>
    public static (double Lo, double Hi) Union(IEnumerable<(double Lo, double Hi)> ranges)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (var (l, h) in ranges)
        {
            lo = Math.Min(lo, l);
            hi = Math.Max(hi, h);
        }
        return double.IsInfinity(lo) ? (0, 1) : (lo, hi > lo ? hi : lo + 1);
    }
}
