using System.Runtime.CompilerServices;
using CorpusQA.Core.Text.Normalization;

namespace CorpusQA.Core.LanguageModel;

/// <summary>
/// The text the character LM sees, the same in training and scoring: each line is one sequence
/// <c>&lt;s&gt; c1 … cn &lt;/s&gt;</c> of UTF-16 code units after (1) Traditional → Simplified folding (so
/// Traditional text is not penalised), (2) every digit (ASCII and full-width) mapped to <c>0</c> (numbers say
/// little about fluency and would otherwise spread the counts), (3) white-space runs collapsed to one space and
/// the line trimmed. A line that is empty after this is not a sequence at all.
/// </summary>
internal static class LmText
{
    /// <summary>Sequence start (context only, never predicted); outside the UTF-16 range.</summary>
    public const int SentenceStart = 0x10000;

    /// <summary>Sequence end (predicted once per line).</summary>
    public const int SentenceEnd = 0x10001;

    /// <summary>White space in <see cref="Fold"/>; U+FFFF is a non-character, never kept in text.</summary>
    public const char Space = '\uFFFF';

    /// <summary>code unit → its normalized code unit, or <see cref="Space"/> for white space.</summary>
    public static readonly char[] Fold = BuildFold();

    private static char[] BuildFold()
    {
        var map = (char[])TraditionalToSimplified.Map.Clone();
        for (int c = 0; c <= char.MaxValue; c++)
        {
            char ch = (char)c;
            if (char.IsWhiteSpace(ch) || ch == Space) map[c] = Space;
            else if (ch is >= '0' and <= '9' or >= '０' and <= '９') map[c] = '0';
        }

        return map;
    }

    /// <summary>
    /// Writes the normalized form of one line (no '\n' inside) to <paramref name="destination"/>
    /// (length ≥ <c>line.Length</c>) and returns its length.
    /// </summary>
    public static int NormalizeLine(ReadOnlySpan<char> line, Span<char> destination)
    {
        var fold = Fold;
        int length = 0;
        bool pendingSpace = false;
        foreach (char raw in line)
        {
            char c = fold[raw];
            if (c == Space)
            {
                pendingSpace = length > 0;
                continue;
            }

            if (pendingSpace)
            {
                destination[length++] = ' ';
                pendingSpace = false;
            }

            destination[length++] = c;
        }

        return length;
    }

    /// <summary>The folded form of one character (white space becomes ' ').</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char FoldChar(char c)
    {
        char f = Fold[c];
        return f == Space ? ' ' : f;
    }
}

/// <summary>
/// 64-bit hashes of n-grams of token codes, folded from the predicted token leftwards:
/// <c>H(w) = Extend(Seed, w)</c>, <c>H(v w) = Extend(H(w), v)</c>. So the hashes of the n-grams ending at a
/// position, from the unigram up, cost one step each, in both training and scoring. Two different n-grams of one
/// order share a hash with probability about 2⁻⁶⁴ per pair (a million n-grams: ~3·10⁻⁸ that any pair collides);
/// a collision merges their counts, which is accepted.
/// </summary>
internal static class NGramHash
{
    public const ulong Seed = 0x2545F4914F6CDD1DUL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Extend(ulong hash, int code)
    {
        // One multiply and one shift per character: the chain of a 5-gram is five of these, serially dependent,
        // so its latency is on every query's critical path (the splitmix finalizer cost three multiplies each).
        ulong x = (hash ^ ((ulong)(uint)code + 1)) * 0x9E3779B97F4A7C15UL;
        x ^= x >> 29;
        return x == 0 ? 1 : x; // 0 marks an empty table slot
    }
}
