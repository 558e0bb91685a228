namespace CorpusQA.Core.Dedup;

/// <summary>Exact (brute-force) character n-gram Jaccard, the ground truth MinHash estimates.</summary>
public static class ShingleJaccard
{
    /// <summary>
    /// Jaccard of the character n-gram sets of two already normalized texts, with the same short-text rule
    /// as the signer (a text shorter than n is one shingle; two empty texts are identical).
    /// </summary>
    public static double OfCharNGrams(string a, string b, int n = 5)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length == 0 && b.Length == 0)
            return 1;
        var setA = Shingles(a, n);
        var setB = Shingles(b, n);
        int common = 0;
        foreach (string s in setA)
        {
            if (setB.Contains(s))
                common++;
        }
        int union = setA.Count + setB.Count - common;
        return union == 0 ? 0 : (double)common / union;
    }

    private static HashSet<string> Shingles(string text, int n)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (text.Length == 0)
            return set;
        if (text.Length < n)
        {
            set.Add(text);
            return set;
        }
        var lookup = set.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int i = 0; i + n <= text.Length; i++)
            lookup.Add(text.AsSpan(i, n));
        return set;
    }
}
