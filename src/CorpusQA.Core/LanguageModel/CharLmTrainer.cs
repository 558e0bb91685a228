using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace CorpusQA.Core.LanguageModel;

/// <summary>Options of <see cref="CharLmTrainer.Build"/>.</summary>
public sealed record CharLmBuildOptions
{
    /// <summary>How values are stored (default 16-bit quantized).</summary>
    public LmValueEncoding Encoding { get; init; } = LmValueEncoding.Quantized16;

    /// <summary>
    /// Orders ≥ this keep only n-grams seen at least <see cref="PruneMinCount"/> times (raw count); 0 = no pruning.
    /// Estimation uses all counts; pruned n-grams fall back to their shorter suffix (the remaining model is not
    /// renormalized, as in KenLM's count pruning).
    /// </summary>
    public int PruneFromOrder { get; init; }

    /// <summary>The raw count an n-gram of a pruned order needs to be kept (default 2: singletons dropped).</summary>
    public int PruneMinCount { get; init; } = 2;
}

/// <summary>
/// Trains a character n-gram model with interpolated modified Kneser-Ney smoothing (Chen &amp; Goodman 1998), as
/// KenLM's lmplz estimates it: pass 1 counts every n-gram of orders 1..N by its 64-bit hash (<see cref="NGramHash"/>),
/// remembering the hashes of its context (all but the last token) and of its suffix (all but the first); pass 2
/// turns counts into adjusted counts (raw counts for order N and for n-grams starting with &lt;s&gt;, otherwise the
/// number of distinct left extensions); pass 3 takes per-order discounts D1, D2, D3+ from the count-of-counts and
/// sums per context; pass 4 computes, from the unigrams up,
/// p(w | h) = (a(hw) − D(a(hw))) / Σ a(h·) + γ(h) · p(w | h′) with γ(h) = (D1·N1(h·) + D2·N2(h·) + D3+·N3+(h·)) / Σ a(h·),
/// the unigram level interpolating with the uniform 1/|V| (|V| counts &lt;unk&gt; and &lt;/s&gt;, not &lt;s&gt;; p(&lt;unk&gt;) = γ(ε)/|V|).
/// The stored backoff of an n-gram is its γ as a context (1 when it is never a context). Deterministic: the
/// output depends only on the text and the options.
/// </summary>
public sealed partial class CharLmTrainer
{
    private struct Gram
    {
        public ulong Context, Suffix;
        public long Raw, Adjusted;
        public bool StartsWithStart;
        public double Prob, Log10Prob, Log10Backoff;
    }

    private readonly Dictionary<ulong, Gram>[] _grams;
    private readonly XxHash3 _dataHash = new();
    private int[] _sequence = new int[256];
    private char[] _normalized = new char[256];
    private ulong[] _current, _previous;
    private long _tokens;

    public CharLmTrainer(int order = 5)
    {
        if (order is < 1 or > LmFormat.MaxOrder) throw new ArgumentOutOfRangeException(nameof(order), $"order must be 1..{LmFormat.MaxOrder}");
        Order = order;
        _grams = new Dictionary<ulong, Gram>[order];
        for (int n = 0; n < order; n++) _grams[n] = new Dictionary<ulong, Gram>();
        _current = new ulong[order];
        _previous = new ulong[order];
    }

    /// <summary>The largest supported order.</summary>
    public const int MaxOrder = LmFormat.MaxOrder;

    public int Order { get; }

    /// <summary>Tokens counted so far (characters and one &lt;/s&gt; per non-empty line).</summary>
    public long Tokens => _tokens;

    /// <summary>Counts every line of <paramref name="text"/> (split on '\n').</summary>
    public void AddText(ReadOnlySpan<char> text)
    {
        while (true)
        {
            int newline = text.IndexOf('\n');
            AddLine(newline < 0 ? text : text[..newline]);
            if (newline < 0) return;
            text = text[(newline + 1)..];
        }
    }

    /// <summary>Counts one line (no '\n' inside) as &lt;s&gt; … &lt;/s&gt; after <see cref="LmText"/> normalization.</summary>
    public void AddLine(ReadOnlySpan<char> line)
    {
        if (_normalized.Length < line.Length) _normalized = new char[Math.Max(line.Length, _normalized.Length * 2)];
        int length = LmText.NormalizeLine(line, _normalized);
        if (length == 0) return;
        var normalized = _normalized.AsSpan(0, length);
        _dataHash.Append(MemoryMarshal.AsBytes(normalized));
        _dataHash.Append("\n"u8);
        if (_sequence.Length < length + 2) _sequence = new int[Math.Max(length + 2, _sequence.Length * 2)];
        var sequence = _sequence.AsSpan(0, length + 2);
        sequence[0] = LmText.SentenceStart;
        for (int i = 0; i < length; i++) sequence[i + 1] = normalized[i];
        sequence[^1] = LmText.SentenceEnd;
        CountSequence(sequence);
        _tokens += length + 1;
    }

    private void CountSequence(ReadOnlySpan<int> sequence)
    {
        // <s> is a unigram only as a context (its backoff); it is never predicted.
        ulong start = NGramHash.Extend(NGramHash.Seed, LmText.SentenceStart);
        ref var startGram = ref CollectionsMarshal.GetValueRefOrAddDefault(_grams[0], start, out _);
        startGram.Raw++;
        startGram.StartsWithStart = true;
        _previous[0] = start;
        for (int i = 1; i < sequence.Length; i++)
        {
            int orders = Math.Min(Order, i + 1);
            ulong hash = NGramHash.Seed;
            for (int n = 1; n <= orders; n++)
            {
                hash = NGramHash.Extend(hash, sequence[i - n + 1]);
                _current[n - 1] = hash;
                ref var gram = ref CollectionsMarshal.GetValueRefOrAddDefault(_grams[n - 1], hash, out bool exists);
                if (!exists)
                {
                    gram.Context = n > 1 ? _previous[n - 2] : 0;
                    gram.Suffix = n > 1 ? _current[n - 2] : 0;
                    gram.StartsWithStart = sequence[i - n + 1] == LmText.SentenceStart;
                }

                gram.Raw++;
            }

            (_current, _previous) = (_previous, _current);
        }
    }

    /// <summary>The training-data hash written to the header: xxHash3 of the normalized lines, each followed by '\n'.</summary>
    public ulong TrainingDataHash => _dataHash.GetCurrentHashAsUInt64();
}
