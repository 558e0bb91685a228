using CorpusQA.Core.Documents;
using CorpusQA.Core.Text;

namespace CorpusQA.Core.Signals.Facts;

/// <summary>
/// Gopher's top n-gram (n = 2..4) and duplicate n-gram (n = 5..10) character counts over jieba tokens, pruned by
/// level: an n-gram can only repeat where both of its (n-1)-grams repeat, so after the first level only those
/// candidate positions are hashed, counted and scanned. The result equals the unpruned algorithm's: a non-repeated
/// n-gram can never be "seen before" in Gopher's greedy scan, so leaving it out of the set changes nothing.
/// </summary>
internal sealed class NGramRepetition(HashCounter counter, RepetitionScratch scratch)
{
    public const int MinTopNGram = 2, MaxTopNGram = 4, MinDupNGram = 5, MaxDupNGram = 10;

    /// <summary>Shared with the caller's other counts (see <see cref="RepetitionFacts"/>); used only inside <see cref="Compute"/>.</summary>
    private readonly HashCounter _counter = counter;
    private readonly RepeatSketch _sketch = new();
    private int[] _prefixChars = new int[256];
    private bool[] _repeated = new bool[256];     // the current-level n-gram at this position occurs twice or more
    // From the shared scratch, taken again by every Compute (the character pass may have grown it since):
    private ulong[] _gramHashes = [];             // hash of the n-gram starting at each token, for the current n
    private int[] _slots = [];                    // counter slot of the n-gram at each candidate position, or -1
    private int[] _positions = [];                // ascending positions whose current-level n-gram repeats
    private int _positionCount;
    private readonly long[] _topNGramChars = new long[MaxTopNGram + 1];
    private readonly long[] _duplicateNGramChars = new long[MaxDupNGram + 1];

    /// <summary>Characters of the most frequent repeated n-gram times its count, n = 2..4 (0 if none repeats).</summary>
    public long TopNGramChars(int n) => _topNGramChars[n];

    /// <summary>Characters inside already-seen n-grams, scanning greedily left to right, n = 5..10.</summary>
    public long DuplicateNGramChars(int n) => _duplicateNGramChars[n];

    public void Compute(DocView doc)
    {
        var tokens = doc.Tokens;
        EnsureCapacity(tokens.Length);
        int sum = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            _prefixChars[i] = sum;
            sum += tokens[i].Length;
        }
        _prefixChars[tokens.Length] = sum;
        Array.Clear(_topNGramChars);
        Array.Clear(_duplicateNGramChars);
        if (tokens.Length < 2 || !CountBigrams(doc, tokens.Length)) return;
        _topNGramChars[2] = TopNGram(2);

        for (int n = 3; n <= MaxDupNGram; n++)
        {
            int grams = tokens.Length - n + 1;
            if (grams <= 0) break;
            if (!CountCandidates(doc, n, grams)) break; // nothing repeats at this length, so nothing longer does
            if (n <= MaxTopNGram) _topNGramChars[n] = TopNGram(n);
            if (n >= MinDupNGram) _duplicateNGramChars[n] = DuplicateNGrams(n);
        }
    }

    /// <summary>
    /// Level 2, where every position is a candidate: hashes each bigram straight from the token hashes in one pass
    /// (the level-1 hash is never stored), then counts and keeps the repeated ones like <see cref="CountCandidates"/>.
    /// More than half of the bigrams occur once, so a <see cref="RepeatSketch"/> drops those that certainly do before
    /// the exact count, and the hash table holds only the likely repeats.
    /// </summary>
    private bool CountBigrams(DocView doc, int tokens)
    {
        int grams = tokens - 1;
        var tokenHashes = doc.TokenHashes.AsSpan(0, tokens);
        var hashes = _gramHashes.AsSpan(0, grams);
        var positions = _positions;
        var repeated = _repeated;
        Array.Clear(repeated, 0, tokens + 1);
        _sketch.Reset(grams);
        for (int i = 0; i < hashes.Length; i++)
        {
            // n-gram hashes grow one token at a time: hash(i, n) = Combine(hash(i, n - 1), token(i + n - 1)).
            ulong hash = TextHash.Combine(TextHash.Combine(0x9E3779B97F4A7C15UL, tokenHashes[i]), tokenHashes[i + 1]);
            hashes[i] = hash;
            _sketch.Add(hash);
        }
        int likely = 0;
        for (int i = 0; i < hashes.Length; i++)
        {
            positions[likely] = i;
            likely += _sketch.MayRepeat(hashes[i]) ? 1 : 0;
        }
        return CountLikely(likely);
    }

    /// <summary>
    /// Keeps the positions whose two (n-1)-grams repeat, extends their hashes to length n, counts them and keeps the
    /// repeated ones; false if none is left.
    /// </summary>
    private bool CountCandidates(DocView doc, int n, int grams)
    {
        var positions = _positions;
        var repeated = _repeated;
        int candidates = 0;
        // The compactions below are branch-free (store, then advance by 0 or 1): about half the positions survive
        // each filter, so a branch would be mispredicted every other time.
        for (int k = 0; k < _positionCount; k++)
        {
            int i = positions[k];
            positions[candidates] = i;
            candidates += i < grams && repeated[i + 1] ? 1 : 0;
        }
        // Flags are rewritten only after every candidate has read its neighbour's previous-level flag.
        for (int k = 0; k < _positionCount; k++) repeated[positions[k]] = false;

        // No sketch here: a candidate's two (n-1)-grams repeat, so 80-90% of candidates repeat too and a filter
        // would cost more than the few table inserts it saves.
        var hashes = _gramHashes;
        var tokenHashes = doc.TokenHashes;
        for (int k = 0; k < candidates; k++)
        {
            int i = positions[k];
            hashes[i] = TextHash.Combine(hashes[i], tokenHashes[i + n - 1]);
        }
        return CountLikely(candidates);
    }

    /// <summary>
    /// Counts the n-grams at the first <paramref name="likely"/> positions exactly and keeps, flagged, those that
    /// occur twice or more; false if none does.
    /// </summary>
    private bool CountLikely(int likely)
    {
        var positions = _positions;
        var repeated = _repeated;
        var hashes = _gramHashes;
        _counter.Reset(likely);
        for (int k = 0; k < likely; k++)
        {
            int i = positions[k];
            _slots[i] = _counter.AddAt(hashes[i]);
        }
        int kept = 0;
        for (int k = 0; k < likely; k++)
        {
            int i = positions[k];
            bool isRepeated = _counter.CountAt(_slots[i]) >= 2;
            repeated[i] = isRepeated;
            positions[kept] = i;
            kept += isRepeated ? 1 : 0;
        }
        _positionCount = kept;
        return kept > 0;
    }

    private int NGramChars(int start, int n) => _prefixChars[start + n] - _prefixChars[start];

    private long TopNGram(int n)
    {
        int bestCount = 0;
        long best = 0;
        for (int k = 0; k < _positionCount; k++)
        {
            int i = _positions[k];
            int count = _counter.CountAt(_slots[i]);
            long chars = (long)count * NGramChars(i, n);
            // The most frequent n-gram; among equally frequent ones the longest, so ties are order-independent.
            if (count > bestCount || (count == bestCount && chars > best))
            {
                bestCount = count;
                best = chars;
            }
        }
        return best;
    }

    private long DuplicateNGrams(int n)
    {
        // Gopher's scan visits every position, adding unseen n-grams and jumping n past a seen one; only repeated
        // n-grams can be seen twice, so visiting just those (in order, honouring the jumps) gives the same sum.
        _counter.Reset(_positionCount);
        long repeated = 0;
        int nextVisited = 0;
        for (int k = 0; k < _positionCount; k++)
        {
            int i = _positions[k];
            if (i < nextVisited) continue;
            // One probe: Add reports whether the n-gram was already seen (a repeat's extra count is harmless).
            if (_counter.Add(_gramHashes[i]) > 1)
            {
                repeated += NGramChars(i, n);
                nextVisited = i + n;
            }
        }
        return repeated;
    }

    private void EnsureCapacity(int tokens)
    {
        scratch.Ensure(tokens + 1);
        (_gramHashes, _slots, _positions) = (scratch.Hashes, scratch.Slots, scratch.Positions);
        if (_repeated.Length >= tokens + 1) return;
        int size = Math.Max(tokens + 1, _repeated.Length * 2);
        _prefixChars = new int[size + 1];
        _repeated = new bool[size];
    }
}
