namespace CorpusQA.Core.Stats;

/// <summary>
/// A sum of doubles without rounding error until it is read (Shewchuk's non-overlapping partials, as Python's
/// <c>math.fsum</c>): <see cref="Value"/> is the exact sum correctly rounded, so it does not depend on the order of
/// the additions, and shards' sums merged give the same double as one pass over all values.
/// </summary>
public sealed class ExactSum
{
    private readonly List<double> _partials = [];

    /// <summary>The non-overlapping partials whose exact sum is the sum (for saving the state).</summary>
    public IReadOnlyList<double> Partials => _partials;

    public void Add(double x)
    {
        int i = 0;
        for (int j = 0; j < _partials.Count; j++)
        {
            double y = _partials[j];
            if (Math.Abs(x) < Math.Abs(y)) (x, y) = (y, x);
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0) _partials[i++] = lo;
            x = hi;
        }
        _partials.RemoveRange(i, _partials.Count - i);
        _partials.Add(x);
    }

    public void Add(ExactSum other)
    {
        foreach (double p in other._partials.ToArray()) Add(p);
    }

    /// <summary>The exact sum rounded once to the nearest double (ties to even), as <c>math.fsum</c> returns it.</summary>
    public double Value
    {
        get
        {
            int n = _partials.Count;
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
