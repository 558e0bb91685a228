using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CorpusQA.Segmentation;

namespace CorpusQA.Core.LanguageModel;

public sealed partial class CharLanguageModel
{
    /// <summary>
    /// Scores one raw line (no '\n' inside) as the sequence &lt;s&gt; … &lt;/s&gt; after <see cref="LmText"/>
    /// normalization, done on the fly; a line that normalizes to nothing scores nothing (0 tokens).
    /// </summary>
    public LmScore ScoreLine(ReadOnlySpan<char> line)
    {
        int cursor = 0;
        return ScoreLine(line, 0, [], ref cursor);
    }

    /// <summary>
    /// <see cref="ScoreLine(ReadOnlySpan{char})"/>, and the context gain summed over the CJK ideographs that begin a
    /// word of <paramref name="words"/> (spans of the document, ascending; the line starts at <paramref name="lineStart"/>),
    /// except a line's first character: where one word follows another, the only context the model has is the
    /// previous word, so this is what word order is worth to it. <paramref name="cursor"/> walks
    /// <paramref name="words"/> across the lines of a document.
    /// </summary>
    public LmScore ScoreLine(ReadOnlySpan<char> line, int lineStart, ReadOnlySpan<TokenSpan> words, ref int cursor)
    {
        var test = default(WordOrderTest);
        return ScoreLine(line, lineStart, words, ref cursor, ref test);
    }

    /// <summary>
    /// <see cref="ScoreLine(ReadOnlySpan{char}, int, ReadOnlySpan{TokenSpan}, ref int)"/>, running the paired
    /// word-order test <paramref name="test"/> (when enabled) at the word boundaries: one more query per sampled
    /// boundary, which leaves the state as it was, so the scores are those of the plain pass.
    /// </summary>
    public LmScore ScoreLine(ReadOnlySpan<char> line, int lineStart, ReadOnlySpan<TokenSpan> words, ref int cursor, ref WordOrderTest test)
    {
        bool testing = test.Enabled;
        var state = BeginLine();
        double log10 = 0, unigram = 0, boundary = 0, p, u;
        int chars = 0, boundaryChars = 0;
        var tokens = new LineTokens(line);
        var ahead = new Lookahead(line);
        for (int k = 0; k < Lookahead.Distance; k++) ahead.Advance(this);
        while (tokens.TryNext(out int token, out int position))
        {
            ahead.Advance(this);
            if (position < 0)
            {
                // ' ' between two tokens, or the line's </s>.
                log10 += Log10ProbPrefetched(ref state, token, out u);
                unigram += u;
                if (token == ' ') chars++;
                continue;
            }

            char raw = line[position];
            bool wordStart = chars > 0 && raw is >= '\u4E00' and <= '\u9FFF' && IsWordStart(words, lineStart + position, ref cursor);
            int alternative = wordStart && testing ? test.Alternative() : -1;
            double alternativeGain = 0;
            if (alternative >= 0) alternativeGain = PeekLog10Prob(ref state, alternative, out double ua) - ua;

            log10 += p = Log10ProbPrefetched(ref state, token, out u);
            unigram += u;
            if (wordStart)
            {
                boundary += p - u;
                boundaryChars++;
                if (testing) test.Record(token, alternative >= 0, p - u - alternativeGain);
            }

            chars++;
        }

        if (chars == 0) return default;
        return new LmScore(log10, chars + 1, chars, unigram, boundary, boundaryChars);
    }

    /// <summary>The tokens <see cref="ScoreLine(ReadOnlySpan{char}, int, ReadOnlySpan{TokenSpan}, ref int, ref WordOrderTest)"/> and its <see cref="Lookahead"/> walk for <paramref name="line"/> (for tests: they must be those training counts).</summary>
    internal static List<int> LineTokenSequence(ReadOnlySpan<char> line)
    {
        var walk = new LineTokens(line);
        var tokens = new List<int>();
        while (walk.TryNext(out int token, out _)) tokens.Add(token);
        return tokens;
    }

    /// <summary>
    /// The token sequence the model scores for one line, as <see cref="LmText"/> normalizes it for training: the
    /// folded code units, a white-space run between two of them as one ' ', then &lt;/s&gt;; nothing for a line that
    /// is blank. Each token comes with its index in the line (−1 for ' ' and &lt;/s&gt;). The scorer walks it, and so
    /// does its <see cref="Lookahead"/>, so the two see the same tokens by construction.
    /// </summary>
    private ref struct LineTokens
    {
        private readonly ReadOnlySpan<char> _line;
        private int _position;
        private bool _any, _ended;

        public LineTokens(ReadOnlySpan<char> line) => _line = line;

        public bool TryNext(out int token, out int position)
        {
            token = 0;
            position = -1;
            if (_ended) return false;
            var fold = LmText.Fold;
            bool space = false;
            while (_position < _line.Length)
            {
                char c = fold[_line[_position]];
                if (c == LmText.Space)
                {
                    space = _any;
                    _position++;
                    continue;
                }

                if (space)
                {
                    token = ' '; // the character itself is the token after it
                    return true;
                }

                position = _position++;
                _any = true;
                token = c;
                return true;
            }

            _ended = true;
            if (!_any) return false;
            token = LmText.SentenceEnd;
            return true;
        }
    }

    /// <summary>
    /// The scorer's <see cref="LineTokens"/>, walked <see cref="Distance"/> tokens ahead of it: each step prefetches
    /// the home buckets of the n-grams that end at the next token, so the scorer finds them in cache. Between two
    /// documents the audit's other stages evict the tables from L2, and each query's misses then cost more than its
    /// probes; prefetching the current token's buckets alone cannot hide them (benchmarks/README.md, issue 7). Only
    /// the cache is touched: the scores are those of the plain loop.
    /// </summary>
    private ref struct Lookahead
    {
        /// <summary>
        /// Tokens ahead. A scratch harness that evicts L2 between documents gave 1.22x, 1.30x, 1.30x the plain scorer
        /// for 2, 4 and 8; in paired 50 MB audits 10 took 0.97 of the CPU of 6 (six pairs, 0.92-1.00), 3 about 0.98,
        /// 16 the same as 10 and 24 1.01-1.04 of it (benchmarks/README.md).
        /// </summary>
        public const int Distance = 10;

        private LineTokens _tokens;
        private LmState.TokenRing _history; // the tokens before the next one, most recent first
        private int _known; // how many of them are real tokens (<s> included)

        public Lookahead(ReadOnlySpan<char> line)
        {
            _tokens = new LineTokens(line);
            _history[0] = LmText.SentenceStart;
            _known = 1;
        }

        /// <summary>
        /// Steps to the next token, if any, and prefetches the buckets of its n-grams of order 2 and up (the unigram
        /// table, a few thousand entries, stays in cache).
        /// </summary>
        public void Advance(CharLanguageModel model)
        {
            if (!_tokens.TryNext(out int token, out _)) return;
            // Refs instead of indexers: n < order ≤ LmFormat.MaxOrder, the ring's size, which the file validator checked.
            ref Table tables = ref MemoryMarshal.GetArrayDataReference(model._tables);
            int order = model._tables.Length;
            ref int history = ref _history[0];
            ulong hash = NGramHash.Extend(NGramHash.Seed, token);
            int top = Math.Min(order, _known + 1);
            for (int n = 1; n < top; n++)
            {
                hash = NGramHash.Extend(hash, Unsafe.Add(ref history, n - 1));
                Prefetch(in Unsafe.Add(ref tables, n), hash);
            }

            for (int i = Math.Min(_known, order - 1); i > 0; i--) Unsafe.Add(ref history, i) = Unsafe.Add(ref history, i - 1);
            history = token;
            _known = Math.Min(_known + 1, order - 1);
        }
    }

    /// <summary>Whether a word of <paramref name="words"/> starts at <paramref name="position"/> (positions asked in ascending order).</summary>
    private static bool IsWordStart(ReadOnlySpan<TokenSpan> words, int position, ref int cursor)
    {
        while (cursor < words.Length && words[cursor].Start < position) cursor++;
        return cursor < words.Length && words[cursor].Start == position;
    }

    /// <summary>Scores an already normalized line (the output of <see cref="LmText.NormalizeLine"/>).</summary>
    public LmScore ScoreNormalizedLine(ReadOnlySpan<char> normalized)
    {
        if (normalized.IsEmpty) return default;
        var state = BeginLine();
        double log10 = 0, unigram = 0, u;
        foreach (char c in normalized)
        {
            log10 += Log10Prob(ref state, c, out u);
            unigram += u;
        }

        log10 += Log10Prob(ref state, LmText.SentenceEnd, out u);
        unigram += u;
        return new LmScore(log10, normalized.Length + 1, normalized.Length, unigram);
    }

    /// <summary>Scores every line of <paramref name="text"/> (split on '\n') and sums.</summary>
    public LmScore ScoreText(ReadOnlySpan<char> text)
    {
        int cursor = 0;
        return ScoreText(text, 0, [], ref cursor);
    }

    /// <summary>
    /// <see cref="ScoreText(ReadOnlySpan{char})"/> with the word-boundary gain of
    /// <see cref="ScoreLine(ReadOnlySpan{char}, int, ReadOnlySpan{TokenSpan}, ref int)"/>; <paramref name="text"/>
    /// starts at <paramref name="offset"/> of the document the word spans refer to.
    /// </summary>
    public LmScore ScoreText(ReadOnlySpan<char> text, int offset, ReadOnlySpan<TokenSpan> words, ref int cursor)
    {
        var test = default(WordOrderTest);
        return ScoreText(text, offset, words, ref cursor, ref test);
    }

    /// <summary><see cref="ScoreText(ReadOnlySpan{char}, int, ReadOnlySpan{TokenSpan}, ref int)"/> running the word-order test <paramref name="test"/> across its lines.</summary>
    public LmScore ScoreText(ReadOnlySpan<char> text, int offset, ReadOnlySpan<TokenSpan> words, ref int cursor, ref WordOrderTest test)
    {
        LmScore total = default;
        while (true)
        {
            int newline = text.IndexOf('\n');
            if (newline < 0)
            {
                total += ScoreLine(text, offset, words, ref cursor, ref test);
                return total;
            }

            total += ScoreLine(text[..newline], offset, words, ref cursor, ref test);
            text = text[(newline + 1)..];
            offset += newline + 1;
        }
    }
}
