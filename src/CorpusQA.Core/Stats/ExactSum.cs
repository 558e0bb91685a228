namespace CorpusQA.Core.Stats;

/// <summary>
/// A sum of doubles without rounding error until it is read (Shewchuk's non-overlapping partials, as Python's
/// <c>math.fsum</c>): <see cref="Value"/> is the exact sum correctly rounded, so it does not depend on the order of
/// the additions, and shards' sums merged give the same double as one pass over all values.
/// </summary>
public sealed class ExactSum
{
    // Shewchuk's non-overlapping partials in increasing magnitude; an array and a count rather than a List, whose
    // RemoveRange per Add was most of the cost of summarising a million rows.
    private double[] _partials = new double[4];
    private int _count;

    /// <summary>The non-overlapping partials whose exact sum is the sum (for saving the state).</summary>
    public IReadOnlyList<double> Partials => new ArraySegment<double>(_partials, 0, _count);

    public void Add(double x)
    {
        var partials = _partials;
        int i = 0;
        for (int j = 0; j < _count; j++)
        {
            double y = partials[j];
            if (Math.Abs(x) < Math.Abs(y)) (x, y) = (y, x);
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0) partials[i++] = lo;
            x = hi;
        }
        if (i == partials.Length) Array.Resize(ref _partials, partials.Length * 2);
        _partials[i] = x;
        _count = i + 1;
    }

    public void Add(ExactSum other)
    {
        var parts = other._partials.AsSpan(0, other._count).ToArray(); // a copy: other may be this
        foreach (double p in parts) Add(p);
    }

    /// <summary>The exact sum rounded once to the nearest double (ties to even), as <c>math.fsum</c> returns it.</summary>
    public double Value
    {
        get
        {
            int n = _count;
            if (n == 0) return 0;
            double hi = _partials[--n], lo = 0;
            while (n > 0)
            {
                double x = hi, y = _partials[--n];
                hi = x + y;
                double yr = hi - x;
                lo = y - yr;
                if (lo != 0) break;
            }
            // Half-way case: round by the sign of the next partial, as fsum does.
            if (n > 0 && ((lo < 0 && _partials[n - 1] < 0) || (lo > 0 && _partials[n - 1] > 0)))
            {
                double y = lo * 2, x = hi + y;
                if (y == x - hi) hi = x;
            }
            return hi;
        }
    }
}
