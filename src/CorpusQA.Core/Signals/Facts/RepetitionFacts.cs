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

        for (int n = MinTopNGram; n <= MaxTopNGram; n++) _topNGramChars[n] = TopNGram(doc, n);
        for (int n = MinDupNGram; n <= MaxDupNGram; n++) _duplicateNGramChars[n] = DuplicateNGrams(doc, n);
        WordFrequencies(doc);
        CharGramRepetition = CharacterGramRepetition(doc.Text);
    }

    private ulong NGramHash(DocView doc, int start, int n)
    {
        ulong h = (ulong)n;
        for (int k = 0; k < n; k++) h = TextHash.Combine(h, doc.TokenHash(start + k));
        return h;
    }

    private int NGramChars(int start, int n) => _prefixChars[start + n] - _prefixChars[start];

    private long TopNGram(DocView doc, int n)
    {
        int grams = doc.Tokens.Length - n + 1;
        if (grams <= 0) return 0;
        _counter.Reset(grams);
        for (int i = 0; i < grams; i++) _counter.Add(NGramHash(doc, i, n), i);
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

    private long DuplicateNGrams(DocView doc, int n)
    {
        int grams = doc.Tokens.Length - n + 1;
        if (grams <= 0) return 0;
        _counter.Reset(grams);
        long repeated = 0;
        int i = 0;
        while (i < grams)
        {
            ulong h = NGramHash(doc, i, n);
            if (_counter.CountOf(h) > 0)
            {
                repeated += NGramChars(i, n);
                i += n;
            }
            else
            {
                _counter.Add(h);
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
        // Rolling polynomial hash over the non-white-space code units; two passes: count, then mark coverage.
        const ulong Base = 0x100000001B3UL;
        ulong topPower = 1;
        for (int k = 1; k < CharGramLength; k++) topPower *= Base;
        int length = 0;
        foreach (char c in text) if (!char.IsWhiteSpace(c)) length++;
        int grams = length - CharGramLength + 1;
        if (grams <= 0) return 0;
        _counter.Reset(grams);
        for (int pass = 0; pass < 2; pass++)
        {
            var window = new RollingWindow(text, Base, topPower);
            int covered = 0, coveredUntil = 0;
            for (int g = 0; g < grams; g++)
            {
                ulong key = window.Next(g == 0);
                if (pass == 0)
                {
                    _counter.Add(Mix(key));
                }
                else if (_counter.CountOf(Mix(key)) > 1)
                {
                    covered += Math.Min(CharGramLength, g + CharGramLength - coveredUntil);
                    coveredUntil = g + CharGramLength;
                }
            }
            if (pass == 1) return (double)covered / length;
        }
        return 0;
    }

    private static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xFF51AFD7ED558CCDUL;
        x ^= x >> 33;
        return x;
    }

    /// <summary>Walks the non-white-space code units of a text, yielding the hash of each 13-unit window.</summary>
    private ref struct RollingWindow(ReadOnlySpan<char> text, ulong hashBase, ulong topPower)
    {
        private readonly ReadOnlySpan<char> _text = text;
        private int _head; // next code unit to enter
        private int _tail; // oldest code unit in the window
        private ulong _hash;

        public ulong Next(bool first)
        {
            if (first)
            {
                for (int k = 0; k < CharGramLength; k++) _hash = _hash * hashBase + NextChar(_text, ref _head);
                return _hash;
            }
            ulong leaving = NextChar(_text, ref _tail);
            _hash = (_hash - leaving * topPower) * hashBase + NextChar(_text, ref _head);
            return _hash;
        }

        private static char NextChar(ReadOnlySpan<char> text, ref int index)
        {
            while (char.IsWhiteSpace(text[index])) index++;
            return text[index++];
        }
    }
}
