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

/// <summary>The score of a text: log10 probability of its tokens (characters and one &lt;/s&gt; per line).</summary>
public readonly record struct LmScore(double Log10Prob, int Tokens, int Chars)
{
    /// <summary>Perplexity per token, 10^(−log10 p / tokens); 0 when nothing was scored.</summary>
    public double Perplexity => Tokens > 0 ? Math.Pow(10, -Log10Prob / Tokens) : 0;

    public static LmScore operator +(LmScore a, LmScore b) => new(a.Log10Prob + b.Log10Prob, a.Tokens + b.Tokens, a.Chars + b.Chars);
}

/// <summary>A language model file that is missing, truncated, corrupt or of another format version.</summary>
public sealed class LanguageModelException(string message) : Exception(message);
