using CorpusQA.Core.Documents;
using CorpusQA.Core.Text;

namespace CorpusQA.Core.Signals.Facts;

/// <summary>
/// Gopher/FineWeb-2 n-gram repetition on jieba tokens, word-frequency statistics and ChineseWebText's character
/// 13-gram repetition. n-grams are hashed from per-token hashes: no n-gram string is ever built.
/// </summary>
internal sealed class RepetitionFacts : IDocFacts
{
    public const int MinTopNGram = 2, MaxTopNGram = 4, MinDupNGram = 5, MaxDupNGram = 10, CharGramLength = 13;

    private readonly HashCounter _counter = new();
    private int[] _prefixChars = new int[256];
    private ulong[] _gramHashes = new ulong[256]; // hash of the n-gram starting at each token, for the current n
    private char[] _compact = new char[1024];      // the text without white space, for character n-grams
    private int[] _windowSlots = new int[1024];    // counter slot of each character n-gram
    private readonly long[] _topNGramChars = new long[MaxTopNGram + 1];
    private readonly long[] _duplicateNGramChars = new long[MaxDupNGram + 1];

    /// <summary>Characters of the most frequent n-gram times its count (Gopher's top n-gram), n = 2..4.</summary>
    public long TopNGramChars(int n) => _topNGramChars[n];

    /// <summary>Characters inside repeated n-grams, greedy left to right (Gopher's duplicate n-grams), n = 5..10.</summary>
    public long DuplicateNGramChars(int n) => _duplicateNGramChars[n];

    /// <summary>Distinct word tokens.</summary>
    public int DistinctWords { get; private set; }

    /// <summary>Shannon entropy (natural log) of the word-token frequency distribution.</summary>
    public double UnigramEntropy { get; private set; }

    /// <summary>Fraction of non-white-space characters covered by a character 13-gram that occurs twice or more.</summary>
    public double CharGramRepetition { get; private set; }

    public void Compute(DocView doc)
    {
        int tokens = doc.Tokens.Length;
        if (_prefixChars.Length < tokens + 1) _prefixChars = new int[Math.Max(tokens + 1, _prefixChars.Length * 2)];
        int sum = 0;
        for (int i = 0; i < tokens; i++)
        {
            _prefixChars[i] = sum;
            sum += doc.Tokens[i].Length;
        }
        _prefixChars[tokens] = sum;

        // n-gram hashes grow one token at a time: hash(i, n) = Combine(hash(i, n - 1), token(i + n - 1)),
        // so every n costs one mix per position instead of n.
        if (_gramHashes.Length < tokens) _gramHashes = new ulong[Math.Max(tokens, _gramHashes.Length * 2)];
        for (int i = 0; i < tokens; i++) _gramHashes[i] = TextHash.Combine(0x9E3779B97F4A7C15UL, doc.TokenHash(i));
        for (int n = 2; n <= MaxDupNGram; n++)
        {
            for (int i = 0; i + n <= tokens; i++) _gramHashes[i] = TextHash.Combine(_gramHashes[i], doc.TokenHash(i + n - 1));
            if (n <= MaxTopNGram) _topNGramChars[n] = TopNGram(tokens, n);
            if (n >= MinDupNGram) _duplicateNGramChars[n] = DuplicateNGrams(tokens, n);
        }
        WordFrequencies(doc);
        CharGramRepetition = CharacterGramRepetition(doc.Text);
    }

    private int NGramChars(int start, int n) => _prefixChars[start + n] - _prefixChars[start];

    private long TopNGram(int tokens, int n)
    {
        int grams = tokens - n + 1;
        if (grams <= 0) return 0;
        _counter.Reset(grams);
        for (int i = 0; i < grams; i++) _counter.Add(_gramHashes[i], i);
        int bestCount = 0;
        long best = 0;
        foreach (var (count, start) in _counter)
        {
            long chars = (long)count * NGramChars(start, n);
            // The most frequent n-gram; among equally frequent ones the longest, so ties are order-independent.
            if (count > bestCount || (count == bestCount && chars > best))
            {
                bestCount = count;
                best = chars;
            }
        }
        return bestCount > 1 ? best : 0;
    }

    private long DuplicateNGrams(int tokens, int n)
    {
        int grams = tokens - n + 1;
        if (grams <= 0) return 0;
        _counter.Reset(grams);
        long repeated = 0;
        int i = 0;
        while (i < grams)
        {
            // One probe: Add reports whether the n-gram was already there (a repeat's extra count is harmless).
            if (_counter.Add(_gramHashes[i]) > 1)
            {
                repeated += NGramChars(i, n);
                i += n;
            }
            else
            {
                i++;
            }
        }
        return repeated;
    }

    private void WordFrequencies(DocView doc)
    {
        int words = doc.WordCount;
        _counter.Reset(words);
        for (int i = 0; i < doc.Tokens.Length; i++)
            if (doc.IsWord(i)) _counter.Add(doc.TokenHash(i));
        DistinctWords = _counter.Distinct;
        double entropy = 0;
        foreach (var (count, _) in _counter)
        {
            double p = (double)count / words;
            entropy -= p * Math.Log(p);
        }
        UnigramEntropy = entropy;
    }

    private double CharacterGramRepetition(ReadOnlySpan<char> text)
    {
        // Rolling polynomial hash over the non-white-space code units. Pass 1 counts every window and remembers
        // its slot; pass 2 reads the final counts by slot (no re-hashing, no probing) and marks coverage.
        const ulong Base = 0x100000001B3UL;
        int length = 0;
        if (_compact.Length < text.Length) _compact = new char[Math.Max(text.Length, _compact.Length * 2)];
        foreach (char c in text)
            if (!char.IsWhiteSpace(c)) _compact[length++] = c;
        int grams = length - CharGramLength + 1;
        if (grams <= 0) return 0;
        if (_windowSlots.Length < grams) _windowSlots = new int[Math.Max(grams, _windowSlots.Length * 2)];
        ulong topPower = 1;
        for (int k = 1; k < CharGramLength; k++) topPower *= Base;
        var chars = _compact.AsSpan(0, length);
        ulong hash = 0;
        for (int k = 0; k < CharGramLength; k++) hash = hash * Base + chars[k];
        _counter.Reset(grams);
        _windowSlots[0] = _counter.AddAt(Mix(hash));
        for (int g = 1; g < grams; g++)
        {
            hash = (hash - chars[g - 1] * topPower) * Base + chars[g + CharGramLength - 1];
            _windowSlots[g] = _counter.AddAt(Mix(hash));
        }
        int covered = 0, coveredUntil = 0;
        for (int g = 0; g < grams; g++)
        {
            if (_counter.CountAt(_windowSlots[g]) < 2) continue;
            covered += Math.Min(CharGramLength, g + CharGramLength - coveredUntil);
            coveredUntil = g + CharGramLength;
        }
        return (double)covered / length;
    }

    private static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xFF51AFD7ED558CCDUL;
        x ^= x >> 33;
        return x;
    }
}
