using System.Buffers;
using System.Text;

namespace CorpusQA.Core.Text.Normalization;

/// <summary>
/// The normalization both exact and near-duplicate detection hash: NFKC, whitespace runs collapsed to one
/// space and trimmed, zero-width format characters dropped, then optionally punctuation variants folded
/// (<see cref="PunctuationFold"/>) and Traditional characters folded to Simplified.
/// </summary>
public sealed class DedupTextNormalizer
{
    private readonly bool _foldPunctuation;
    private readonly char[]? _traditionalMap;

    public DedupTextNormalizer(bool foldPunctuation, bool foldTraditional)
    {
        _foldPunctuation = foldPunctuation;
        _traditionalMap = foldTraditional ? TraditionalToSimplified.Map : null;
    }

    /// <summary>Returns the normalized form of <paramref name="text"/>.</summary>
    public string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string nfkc = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        char[] buffer = ArrayPool<char>.Shared.Rent(Math.Max(nfkc.Length, 1));
        try
        {
            int length = Fold(nfkc, buffer, collapseInnerWhitespace: true);
            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Normalizes one segmenter token into <paramref name="destination"/> (at least as long as the token
    /// unless NFKC expands it) and returns the length; whitespace inside the token is dropped, so a
    /// whitespace-only token normalizes to nothing. Allocates only when the token is not already NFKC.
    /// </summary>
    internal int NormalizeToken(ReadOnlySpan<char> token, ref char[] destination)
    {
        ReadOnlySpan<char> source = token;
        if (!IsTriviallyNfkc(token))
        {
            string s = new string(token);
            if (!s.IsNormalized(NormalizationForm.FormKC))
                s = s.Normalize(NormalizationForm.FormKC);
            source = s;
        }
        if (destination.Length < source.Length)
            destination = new char[Math.Max(source.Length, destination.Length * 2)];
        return Fold(source, destination, collapseInnerWhitespace: false);
    }

    private int Fold(ReadOnlySpan<char> source, Span<char> destination, bool collapseInnerWhitespace)
    {
        int written = 0;
        bool pendingSpace = false;
        foreach (char raw in source)
        {
            if (char.IsWhiteSpace(raw))
            {
                pendingSpace = collapseInnerWhitespace && written > 0;
                continue;
            }
            if (IsZeroWidth(raw))
                continue;
            char c = raw;
            if (_foldPunctuation)
                c = PunctuationFold.Fold(c);
            if (_traditionalMap is not null)
                c = _traditionalMap[c];
            if (pendingSpace)
            {
                destination[written++] = ' ';
                pendingSpace = false;
            }
            destination[written++] = c;
        }
        return written;
    }

    private static bool IsZeroWidth(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    // ASCII and CJK Unified Ideographs are NFKC-stable on their own; checking that avoids a string per token.
    private static bool IsTriviallyNfkc(ReadOnlySpan<char> token)
    {
        foreach (char c in token)
        {
            if (c >= 0x80 && (c < 0x4E00 || c > 0x9FFF))
                return false;
        }
        return true;
    }
}
