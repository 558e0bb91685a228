using CorpusQA.Core.Documents;
using CorpusQA.Core.Text;

namespace CorpusQA.Core.Signals.Facts;

/// <summary>
/// Gopher/FineWeb-2 n-gram repetition on jieba tokens, word-frequency statistics and ChineseWebText's character
/// 13-gram repetition. n-grams are hashed from per-token hashes: no n-gram string is ever built.
/// </summary>
internal sealed class RepetitionFacts : IDocFacts
{
    public const int CharGramLength = 13;

    private readonly NGramRepetition _nGrams = new();
    private readonly HashCounter _counter = new();
    private char[] _compact = new char[1024];      // the text without white space, for character n-grams
    private int[] _windowSlots = new int[1024];    // counter slot of each character n-gram

    /// <summary>Top n-gram (n = 2..4) and duplicate n-gram (n = 5..10) character counts.</summary>
    public NGramRepetition NGrams => _nGrams;

    /// <summary>Distinct word tokens.</summary>
    public int DistinctWords { get; private set; }

    /// <summary>Shannon entropy (natural log) of the word-token frequency distribution.</summary>
    public double UnigramEntropy { get; private set; }

    /// <summary>Fraction of non-white-space characters covered by a character 13-gram that occurs twice or more.</summary>
    public double CharGramRepetition { get; private set; }

    public void Compute(DocView doc)
    {
        _nGrams.Compute(doc);
        WordFrequencies(doc);
        CharGramRepetition = CharacterGramRepetition(doc.Text);
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
