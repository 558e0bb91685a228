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

    // One counter for the token n-grams, the word frequencies and the character 13-grams, used one after the other:
    // on a huge document its table is the largest scratch, so it must exist once, not three times.
    private readonly HashCounter _counter = new();
    private readonly NGramRepetition _nGrams;
    private char[] _compact = new char[1024];      // the text without white space, for character n-grams
    private readonly RepeatSketch _sketch = new();
    // Per window, shared with the token n-gram pass: Hashes = hash of each character n-gram, Positions = windows that
    // may repeat (ascending), Slots = counter slot of each candidate window.
    private readonly RepetitionScratch _scratch = new();

    public RepetitionFacts() => _nGrams = new NGramRepetition(_counter, _scratch);

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
        // Sized once for both passes (tokens + 1 for the n-grams, at most one window per character), so a huge
        // document does not allocate the token-sized arrays first and the character-sized ones after.
        _scratch.Ensure(Math.Max(doc.Tokens.Length + 1, doc.Text.Length));
        _nGrams.Compute(doc);
        WordFrequencies(doc);
        CharGramRepetition = CharacterGramRepetition(doc.Text);
    }

    private void WordFrequencies(DocView doc)
    {
        int words = doc.WordCount;
        _counter.Reset(words);
        int tokens = doc.Tokens.Length;
        var isWord = doc.TokenIsWord.AsSpan(0, tokens);
        var hashes = doc.TokenHashes.AsSpan(0, tokens);
        for (int i = 0; i < isWord.Length; i++)
            if (isWord[i]) _counter.Add(hashes[i]);
        DistinctWords = _counter.Distinct;
        // Most words occur once or a few times, so the terms of small counts are computed once per document: the same
        // expression, hence the same bits, with far fewer logarithms. The sum keeps its slot order.
        Span<double> smallTerms = stackalloc double[SmallCounts];
        for (int count = 1; count < SmallCounts && count <= words; count++) smallTerms[count] = EntropyTerm(count, words);
        double entropy = 0;
        foreach (int count in _counter)
            entropy -= count < SmallCounts ? smallTerms[count] : EntropyTerm(count, words);
        UnigramEntropy = entropy;
    }

    private const int SmallCounts = 32;

    private static double EntropyTerm(int count, int words)
    {
        double p = (double)count / words;
        return p * Math.Log(p);
    }

    private double CharacterGramRepetition(ReadOnlySpan<char> text)
    {
        // Rolling polynomial hash over the non-white-space code units. Pass 1 hashes every window into the sketch;
        // pass 2 counts exactly only the windows the sketch says may repeat (a few percent of a typical document),
        // remembering their slots; pass 3 reads the final counts by slot and marks coverage in window order.
        const ulong Base = 0x100000001B3UL;
        int length = 0;
        if (_compact.Length < text.Length) _compact = new char[Math.Max(text.Length, _compact.Length * 2)];
        foreach (char c in text)
            if (!char.IsWhiteSpace(c)) _compact[length++] = c;
        int grams = length - CharGramLength + 1;
        if (grams <= 0) return 0;
        _scratch.Ensure(grams);
        var (windowKeys, candidateWindows, windowSlots) = (_scratch.Hashes, _scratch.Positions, _scratch.Slots);
        ulong topPower = 1;
        for (int k = 1; k < CharGramLength; k++) topPower *= Base;
        var chars = _compact.AsSpan(0, length);
        var keys = windowKeys.AsSpan(0, grams);
        _sketch.Reset(grams);
        ulong hash = 0;
        for (int k = 0; k < CharGramLength; k++) hash = hash * Base + chars[k];
        keys[0] = Mix(hash);
        _sketch.Add(keys[0]);
        for (int g = 1; g < grams; g++)
        {
            hash = (hash - chars[g - 1] * topPower) * Base + chars[g + CharGramLength - 1];
            ulong key = Mix(hash);
            keys[g] = key;
            _sketch.Add(key);
        }
        int candidates = 0;
        for (int g = 0; g < keys.Length; g++)
        {
            candidateWindows[candidates] = g; // branch-free: kept only if the sketch says it may repeat
            candidates += _sketch.MayRepeat(keys[g]) ? 1 : 0;
        }
        if (candidates > SortedCountAbove) return SortedCoverage(windowKeys, candidateWindows, windowSlots, candidates, length);
        _counter.Reset(candidates);
        for (int k = 0; k < candidates; k++) windowSlots[k] = _counter.AddAt(keys[candidateWindows[k]]);
        int covered = 0, coveredUntil = 0;
        for (int k = 0; k < candidates; k++)
        {
            if (_counter.CountAt(windowSlots[k]) < 2) continue;
            int g = candidateWindows[k];
            covered += Math.Min(CharGramLength, g + CharGramLength - coveredUntil);
            coveredUntil = g + CharGramLength;
        }
        return (double)covered / length;
    }

    /// <summary>
    /// Above this many candidate windows (a huge or very repetitive document) the repeats are found by sorting the
    /// candidates' hashes in the scratch arrays instead of counting them in a hash table, which would take up to 43
    /// bytes per window more. Same result: a window repeats when another candidate has the same 64-bit hash.
    /// </summary>
    internal const int SortedCountThreshold = HashCounter.LowLoadSlots / 2;

    /// <summary><see cref="SortedCountThreshold"/>; tests set 0 to compare both paths on small documents.</summary>
    internal int SortedCountAbove { get; init; } = SortedCountThreshold;

    /// <summary>
    /// The coverage of repeated windows, in place: the candidates' hashes are compacted to the front of
    /// <paramref name="keys"/> and sorted with their candidate numbers, runs of equal hashes flag their windows (as
    /// ~window in <paramref name="windows"/>), and the flagged windows are then covered in window order.
    /// </summary>
    private static double SortedCoverage(ulong[] keys, int[] windows, int[] order, int candidates, int length)
    {
        for (int k = 0; k < candidates; k++)
        {
            keys[k] = keys[windows[k]]; // windows[k] >= k: compaction reads ahead of what it overwrites
            order[k] = k;
        }
        Array.Sort(keys, order, 0, candidates);
        for (int start = 0; start < candidates;)
        {
            int end = start + 1;
            while (end < candidates && keys[end] == keys[start]) end++;
            if (end - start >= 2)
                for (int k = start; k < end; k++) windows[order[k]] = ~windows[order[k]];
            start = end;
        }
        int covered = 0, coveredUntil = 0;
        for (int k = 0; k < candidates; k++)
        {
            if (windows[k] >= 0) continue;
            int g = ~windows[k];
            covered += Math.Min(CharGramLength, g + CharGramLength - coveredUntil);
            coveredUntil = g + CharGramLength;
        }
        return (double)covered / length;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xFF51AFD7ED558CCDUL;
        x ^= x >> 33;
        return x;
    }
}
