using System.Runtime.CompilerServices;

namespace CorpusQA.Core.LanguageModel;

/// <summary>
/// The left context of the next query: the last tokens (most recent first) and the log10 backoff weights of the
/// context n-grams found in the model (index i = the context of length i + 1). A value type: copying it forks the
/// context, and queries allocate nothing.
/// </summary>
public struct LmState
{
    internal TokenRing History;
    internal BackoffRing Backoffs;

    /// <summary>How many of the most recent tokens are a context known to the model (≤ order − 1).</summary>
    internal int Length;

    [InlineArray(LmFormat.MaxOrder)]
    internal struct TokenRing
    {
        private int _element;
    }

    [InlineArray(LmFormat.MaxOrder)]
    internal struct BackoffRing
    {
        private double _element;
    }
}

/// <summary>
/// The score of a text: log10 probability of its tokens (characters and one &lt;/s&gt; per line) under the model,
/// and under the model's own unigram distribution (<paramref name="UnigramLog10Prob"/>, for the context gain);
/// <paramref name="BoundaryGain"/> sums that gain over the <paramref name="BoundaryChars"/> characters that begin a
/// word (when the words were given).
/// </summary>
public readonly record struct LmScore(double Log10Prob, int Tokens, int Chars, double UnigramLog10Prob = 0, double BoundaryGain = 0, int BoundaryChars = 0)
{
    /// <summary>Perplexity per token, 10^(−log10 p / tokens); 0 when nothing was scored.</summary>
    public double Perplexity => Tokens > 0 ? Math.Pow(10, -Log10Prob / Tokens) : 0;

    /// <summary>
    /// What the context adds, per token: (log10 p(text) − log10 p_unigram(text)) / tokens, the SLOR of Pauls &amp;
    /// Klein (2012) and Lau, Clark &amp; Lappin (2017). Perplexity alone mixes two things, how rare the characters are
    /// and how well they follow each other; the unigram term takes out the first, so rare-character registers
    /// (classical prose, terminology) are not judged by their vocabulary, and shuffled text, whose characters are
    /// common but whose order is not, stands out. 0 when nothing was scored.
    /// </summary>
    public double ContextGain => Tokens > 0 ? (Log10Prob - UnigramLog10Prob) / Tokens : 0;

    /// <summary>The mean context gain at word-initial characters (<see cref="BoundaryGain"/> / <see cref="BoundaryChars"/>); 0 without any.</summary>
    public double WordBoundaryGain => BoundaryChars > 0 ? BoundaryGain / BoundaryChars : 0;

    public static LmScore operator +(LmScore a, LmScore b) =>
        new(a.Log10Prob + b.Log10Prob, a.Tokens + b.Tokens, a.Chars + b.Chars, a.UnigramLog10Prob + b.UnigramLog10Prob,
            a.BoundaryGain + b.BoundaryGain, a.BoundaryChars + b.BoundaryChars);
}

/// <summary>A language model file that is missing, truncated, corrupt or of another format version.</summary>
public sealed class LanguageModelException(string message) : Exception(message);
