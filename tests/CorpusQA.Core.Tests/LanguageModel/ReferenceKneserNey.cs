namespace CorpusQA.Core.Tests.LanguageModel;

/// <summary>
/// A straightforward interpolated modified Kneser-Ney model (Chen &amp; Goodman 1998) over strings, written apart
/// from the production trainer to check it: n-grams are strings, counts are dictionaries, probabilities are
/// computed by the textbook recursion at query time. '\u0002' is &lt;s&gt;, '\u0003' is &lt;/s&gt;.
/// </summary>
internal sealed class ReferenceKneserNey
{
    private const char Start = '\u0002', End = '\u0003';
    private readonly int _order;
    private readonly Dictionary<string, long>[] _adjusted;
    private readonly Dictionary<string, (long Total, long N1, long N2, long N3)>[] _contexts;
    private readonly (double D1, double D2, double D3)[] _discounts;
    private readonly int _vocabulary;

    public ReferenceKneserNey(IEnumerable<string> normalizedLines, int order)
    {
        _order = order;
        var raw = new Dictionary<string, long>[order + 1];
        for (int n = 1; n <= order; n++) raw[n] = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in normalizedLines)
        {
            if (line.Length == 0) continue;
            string s = Start + line + End;
            for (int i = 1; i < s.Length; i++)
                for (int n = 1; n <= order && i - n + 1 >= 0; n++)
                {
                    string gram = s.Substring(i - n + 1, n);
                    raw[n][gram] = raw[n].GetValueOrDefault(gram) + 1;
                }
        }

        _adjusted = new Dictionary<string, long>[order + 1];
        for (int n = 1; n <= order; n++)
        {
            _adjusted[n] = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var (gram, count) in raw[n])
            {
                if (n == order || gram[0] == Start) _adjusted[n][gram] = count;
                else _adjusted[n][gram] = raw[n + 1].Keys.Count(longer => longer.AsSpan(1).SequenceEqual(gram));
            }
        }

        _discounts = new (double, double, double)[order + 1];
        _contexts = new Dictionary<string, (long, long, long, long)>[order + 1];
        for (int n = 1; n <= order; n++)
        {
            long c(int k) => _adjusted[n].Values.Count(a => a == k);
            long n1 = c(1), n2 = c(2), n3 = c(3), n4 = c(4);
            if (n1 == 0 || n2 == 0 || n3 == 0 || n4 == 0) _discounts[n] = (0.5, 1.0, 1.5);
            else
            {
                double y = n1 / (n1 + 2.0 * n2);
                double d1 = 1 - 2 * y * n2 / n1, d2 = 2 - 3 * y * n3 / n2, d3 = 3 - 4 * y * n4 / n3;
                _discounts[n] = d1 > 0 && d1 <= 1 && d2 > 0 && d2 <= 2 && d3 > 0 && d3 <= 3 ? (d1, d2, d3) : (0.5, 1.0, 1.5);
            }

            _contexts[n] = new Dictionary<string, (long, long, long, long)>(StringComparer.Ordinal);
            foreach (var (gram, a) in _adjusted[n])
            {
                string context = gram[..^1];
                var t = _contexts[n].GetValueOrDefault(context);
                _contexts[n][context] = (t.Item1 + a, t.Item2 + (a == 1 ? 1 : 0), t.Item3 + (a == 2 ? 1 : 0), t.Item4 + (a >= 3 ? 1 : 0));
            }
        }

        _vocabulary = _adjusted[1].Count + 1; // + <unk>
    }

    public (double D1, double D2, double D3) Discounts(int order) => _discounts[order];

    /// <summary>p(w | history), the history being the last tokens, most recent last.</summary>
    public double Probability(char w, string history)
    {
        if (history.Length > _order - 1) history = history[^(_order - 1)..];
        int n = history.Length + 1;
        if (n == 1)
        {
            var sums = _contexts[1][""];
            long a = _adjusted[1].GetValueOrDefault(w.ToString());
            return (a > 0 ? (a - D(1, a)) / sums.Total : 0) + Gamma(1, sums) / _vocabulary;
        }

        if (!_contexts[n].TryGetValue(history, out var context)) return Probability(w, history[1..]);
        long count = _adjusted[n].GetValueOrDefault(history + w);
        return (count > 0 ? (count - D(n, count)) / context.Total : 0) + Gamma(n, context) * Probability(w, history[1..]);
    }

    /// <summary>log10 p of one normalized line as &lt;s&gt; line &lt;/s&gt;.</summary>
    public double Log10Line(string line)
    {
        string history = Start.ToString();
        double sum = 0;
        foreach (char c in line + End)
        {
            sum += Math.Log10(Probability(c, history));
            history += c;
        }

        return sum;
    }

    private double D(int n, long count) => count == 1 ? _discounts[n].D1 : count == 2 ? _discounts[n].D2 : _discounts[n].D3;

    private double Gamma(int n, (long Total, long N1, long N2, long N3) s) =>
        (_discounts[n].D1 * s.N1 + _discounts[n].D2 * s.N2 + _discounts[n].D3 * s.N3) / s.Total;
}
