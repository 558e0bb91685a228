using CorpusQA.Classify.Kernels;
using CorpusQA.Core.Documents;
using CorpusQA.Core.Signals;
using CorpusQA.Core.Text;

namespace CorpusQA.Classify.Features;

/// <summary>
/// Turns one analysed document (its <see cref="DocView"/>: the jieba tokens the signals already used, and the
/// text) plus its signal values into a sparse feature vector: the scaled signals, then L2-normalized sublinear
/// counts of hashed word unigrams and bigrams, then of hashed character n-grams. Immutable and thread-safe; the
/// per-thread working memory is a <see cref="FeatureBuffer"/>.
/// </summary>
public sealed class Featurizer
{
    private const int Chunk = 4096;
    private readonly SignalScaler _scaler;

    public Featurizer(FeaturizerSettings settings, SignalRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        _scaler = new SignalScaler(settings.Signals, registry);
        WordOffset = settings.DenseCount;
        CharOffset = WordOffset + (settings.HasWords ? 1 << settings.WordBits : 0);
    }

    public FeaturizerSettings Settings { get; }

    public int Dimension => Settings.Dimension;

    internal int WordOffset { get; }

    internal int CharOffset { get; }

    /// <summary>Working memory for one thread (a few MB: the dense bucket counts of each group).</summary>
    public FeatureBuffer CreateBuffer() => new(Settings);

    /// <summary>The scaled numeric signals alone (the first <c>Settings.Signals.Count</c> features).</summary>
    public void ScaleSignals(ReadOnlySpan<double> signalValues, Span<float> output) => _scaler.Apply(signalValues, output);

    /// <summary>
    /// Fills <paramref name="buffer"/> with the document's features (indices ascending). With a
    /// <paramref name="shared"/> cache, the script shares and character n-grams are taken from another model's
    /// featurization of the same document when their settings match (the audit's two models hash the text once).
    /// </summary>
    public void Featurize(DocView view, ReadOnlySpan<double> signalValues, FeatureBuffer buffer, SharedFeatures? shared = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(buffer);
        var s = Settings;
        int at = s.DenseCount;
        buffer.EnsureCapacity(at);
        ReadOnlySpan<char> text = view.Text.AsSpan(0, Math.Min(view.Text.Length, s.MaxChars));
        _scaler.Apply(signalValues, buffer.Values);
        if (s.ScriptShares)
        {
            var shares = buffer.Values.AsSpan(_scaler.Count, ScriptShares.Count);
            if (shared is null || !shared.TryCopyShares(s.MaxChars, shares))
            {
                ScriptShares.Compute(text, shares);
                shared?.StoreShares(s.MaxChars, shares);
            }
        }
        for (int i = 0; i < at; i++) buffer.Indices[i] = i;

        if (s.HasWords)
        {
            var words = buffer.Words!;
            var tokens = view.Tokens;
            var hashes = view.TokenHashSpan;
            int shift = 64 - s.WordBits;
            ulong previous = 0;
            for (int t = 0; t < tokens.Length && tokens[t].Start < text.Length; t++)
            {
                ulong h = hashes[t];
                if (s.WordUnigrams) words.Add((int)(h >> shift));
                if (s.WordBigrams && t > 0) words.Add((int)(TextHash.Combine(previous, h) >> shift));
                previous = h;
            }
            buffer.EnsureCapacity(at + words.Added);
            at = words.Drain(WordOffset, buffer.Indices, buffer.Values, at);
        }

        if (s.HasChars && shared is not null && shared.TryCopyChars(s, buffer, CharOffset, ref at)) { }
        else if (s.HasChars)
        {
            var chars = buffer.Chars!;
            var scratch = buffer.ChunkBuckets;
            // Chunks overlap by CharNGramMax - 1 characters; each n-gram is counted in the chunk where it starts.
            int overlap = s.CharNGramMax - 1;
            for (int start = 0; start < text.Length; start += Chunk)
            {
                var chunk = text[start..Math.Min(text.Length, start + Chunk + overlap)];
                if (s.CharCaseFold)
                {
                    var folded = buffer.FoldScratch(chunk.Length);
                    chunk.ToLowerInvariant(folded);
                    chunk = folded;
                }
                int starts = Math.Min(Chunk, text.Length - start);
                for (int n = s.CharNGramMin; n <= s.CharNGramMax; n++)
                {
                    int count = Math.Min(starts, CharNGramHashKernel.Hash(chunk, n, s.CharBits, scratch));
                    chars.AddAll(scratch.AsSpan(0, count));
                }
            }
            buffer.EnsureCapacity(at + chars.Added);
            int first = at;
            at = chars.Drain(CharOffset, buffer.Indices, buffer.Values, at);
            shared?.StoreChars(s, buffer, CharOffset, first, at);
        }
        buffer.Count = at;
    }

    internal const int ChunkSize = Chunk;
}

/// <summary>One thread's feature vector and the scratch it is built in; reused document after document.</summary>
public sealed class FeatureBuffer
{
    internal FeatureBuffer(FeaturizerSettings settings)
    {
        Words = settings.HasWords ? new BucketCounter(settings.WordBits) : null;
        Chars = settings.HasChars ? new BucketCounter(settings.CharBits) : null;
        Indices = new int[Math.Max(64, settings.Signals.Count + 1024)];
        Values = new float[Indices.Length];
    }

    internal BucketCounter? Words { get; }

    internal BucketCounter? Chars { get; }

    internal int[] ChunkBuckets { get; } = new int[Featurizer.ChunkSize + 16];

    private char[] _fold = new char[Featurizer.ChunkSize + 16];

    internal Span<char> FoldScratch(int length)
    {
        if (_fold.Length < length) _fold = new char[length];
        return _fold.AsSpan(0, length);
    }

    /// <summary>Feature indices, ascending; the first <see cref="Count"/> are valid.</summary>
    public int[] Indices { get; private set; }

    /// <summary>Feature values, aligned with <see cref="Indices"/>.</summary>
    public float[] Values { get; private set; }

    /// <summary>Number of non-zero (stored) features.</summary>
    public int Count { get; internal set; }

    internal void EnsureCapacity(int needed)
    {
        if (needed <= Indices.Length) return;
        int size = Math.Max(needed, Indices.Length * 2);
        var indices = new int[size];
        var values = new float[size];
        Indices.AsSpan().CopyTo(indices);
        Values.AsSpan().CopyTo(values);
        Indices = indices;
        Values = values;
    }
}
