using System.Runtime.InteropServices;

namespace CorpusQA.Core.LanguageModel;

public sealed partial class CharLmTrainer
{
    private struct ContextSums
    {
        public long Total, N1, N2, N3;
    }

    /// <summary>Per-order discounts (D1, D2, D3+) of the last <see cref="Build"/>.</summary>
    public IReadOnlyList<(double D1, double D2, double D3)> Discounts => _discounts;

    private (double D1, double D2, double D3)[] _discounts = [];

    /// <summary>Estimates the model and returns the bytes of its <c>lm.bin</c>.</summary>
    public byte[] Build(CharLmBuildOptions? options = null)
    {
        options ??= new CharLmBuildOptions();
        if (_tokens == 0) throw new InvalidOperationException("no training text (every line was empty)");
        AdjustCounts();
        _discounts = new (double, double, double)[Order];
        var sums = new Dictionary<ulong, ContextSums>[Order];
        for (int n = 1; n <= Order; n++)
        {
            _discounts[n - 1] = OrderDiscounts(_grams[n - 1].Values);
            sums[n - 1] = SumByContext(_grams[n - 1]);
        }

        ulong start = NGramHash.Extend(NGramHash.Seed, LmText.SentenceStart);
        int vocabulary = _grams[0].Count - 1 + 1; // the unigrams without <s>, plus <unk>
        double unknownLog10 = Math.Log10(Gamma(sums[0][0], _discounts[0]) / vocabulary);
        for (int n = 1; n <= Order; n++)
        {
            var discounts = _discounts[n - 1];
            var lower = n > 1 ? _grams[n - 2] : null;
            foreach (var key in KeysOf(_grams[n - 1]))
            {
                ref var gram = ref CollectionsMarshal.GetValueRefOrNullRef(_grams[n - 1], key);
                if (n == 1 && key == start)
                {
                    gram.Log10Prob = double.NegativeInfinity;
                    continue;
                }

                var context = sums[n - 1][gram.Context];
                double lowerProb = n == 1 ? 1.0 / vocabulary : lower![gram.Suffix].Prob;
                double p = (gram.Adjusted - Discount(gram.Adjusted, discounts)) / context.Total
                    + Gamma(context, discounts) * lowerProb;
                gram.Prob = p;
                gram.Log10Prob = Math.Log10(p);
            }
        }

        for (int n = 1; n <= Order; n++)
        {
            foreach (var key in KeysOf(_grams[n - 1]))
            {
                ref var gram = ref CollectionsMarshal.GetValueRefOrNullRef(_grams[n - 1], key);
                gram.Log10Backoff = n < Order && sums[n].TryGetValue(key, out var asContext)
                    ? Math.Log10(Gamma(asContext, _discounts[n]))
                    : 0;
            }
        }

        var header = new LmHeader(Order, vocabulary, options.Encoding, TrainingDataHash, _tokens, unknownLog10);
        return LmWriter.Write(header, _grams, _discounts, options, start);
    }

    private static IEnumerable<ulong> KeysOf(Dictionary<ulong, Gram> grams) => grams.Keys.ToArray();

    private void AdjustCounts()
    {
        for (int n = 1; n <= Order; n++)
        {
            foreach (var key in KeysOf(_grams[n - 1]))
            {
                ref var gram = ref CollectionsMarshal.GetValueRefOrNullRef(_grams[n - 1], key);
                gram.Adjusted = n == Order || gram.StartsWithStart ? gram.Raw : 0;
            }
        }

        // Continuation counts: every distinct (n+1)-gram is one left extension of its suffix.
        for (int n = 2; n <= Order; n++)
        {
            var lower = _grams[n - 2];
            foreach (var gram in _grams[n - 1].Values)
                CollectionsMarshal.GetValueRefOrNullRef(lower, gram.Suffix).Adjusted++;
        }
    }

    /// <summary>
    /// Chen &amp; Goodman's estimates from the count-of-counts n1..n4 of the adjusted counts: Y = n1 / (n1 + 2 n2),
    /// D1 = 1 − 2Y n2/n1, D2 = 2 − 3Y n3/n2, D3+ = 3 − 4Y n4/n3. When some n_k is 0 or some D_k falls outside (0, k]
    /// (tiny corpora; KenLM stops with an error there) the fixed (0.5, 1.0, 1.5) is used instead.
    /// </summary>
    internal static (double D1, double D2, double D3) EstimateDiscounts(long n1, long n2, long n3, long n4)
    {
        var fallback = (0.5, 1.0, 1.5);
        if (n1 == 0 || n2 == 0 || n3 == 0 || n4 == 0) return fallback;
        double y = n1 / (n1 + 2.0 * n2);
        double d1 = 1 - 2 * y * n2 / n1, d2 = 2 - 3 * y * n3 / n2, d3 = 3 - 4 * y * n4 / n3;
        bool valid = d1 is > 0 and <= 1 && d2 is > 0 and <= 2 && d3 is > 0 and <= 3;
        return valid ? (d1, d2, d3) : fallback;
    }

    private static (double, double, double) OrderDiscounts(IEnumerable<Gram> grams)
    {
        long n1 = 0, n2 = 0, n3 = 0, n4 = 0;
        foreach (var gram in grams)
        {
            if (gram.StartsWithStart && gram.Suffix == 0 && gram.Context == 0) continue; // the <s> unigram
            switch (gram.Adjusted)
            {
                case 1: n1++; break;
                case 2: n2++; break;
                case 3: n3++; break;
                case 4: n4++; break;
            }
        }

        return EstimateDiscounts(n1, n2, n3, n4);
    }

    private static Dictionary<ulong, ContextSums> SumByContext(Dictionary<ulong, Gram> grams)
    {
        var sums = new Dictionary<ulong, ContextSums>();
        foreach (var gram in grams.Values)
        {
            if (gram.StartsWithStart && gram.Suffix == 0 && gram.Context == 0) continue;
            ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(sums, gram.Context, out _);
            sum.Total += gram.Adjusted;
            if (gram.Adjusted == 1) sum.N1++;
            else if (gram.Adjusted == 2) sum.N2++;
            else sum.N3++;
        }

        return sums;
    }

    private static double Discount(long count, (double D1, double D2, double D3) d) =>
        count == 1 ? d.D1 : count == 2 ? d.D2 : d.D3;

    private static double Gamma(in ContextSums sums, (double D1, double D2, double D3) d) =>
        (d.D1 * sums.N1 + d.D2 * sums.N2 + d.D3 * sums.N3) / sums.Total;
}
