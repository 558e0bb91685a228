using System.Buffers;
using System.Text;

namespace CorpusQA.Core.Text.Normalization;

/// <summary>
/// The normalization both exact and near-duplicate detection hash: NFKC (<see cref="NfkcTable"/>), whitespace runs collapsed to one
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
        char[] rented = ArrayPool<char>.Shared.Rent(Math.Max(text.Length, 16));
        char[] buffer = rented; // Nfkc may swap in a larger array; the pool gets back only its own.
        try
        {
            int length = Nfkc(text, ref buffer);
            length = Fold(buffer.AsSpan(0, length), buffer, collapseInnerWhitespace: true);
            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Normalizes one segmenter token into <paramref name="destination"/> (at least as long as the token
    /// unless NFKC expands it) and returns the length; whitespace inside the token is dropped, so a
    /// whitespace-only token normalizes to nothing. Allocates only when a character needs full NFKC.
    /// </summary>
    internal int NormalizeToken(ReadOnlySpan<char> token, ref char[] destination)
    {
        int length = Nfkc(token, ref destination);
        return Fold(destination.AsSpan(0, length), destination, collapseInnerWhitespace: false);
    }

    private static int Nfkc(ReadOnlySpan<char> text, ref char[] buffer) => NfkcTable.Normalize(text, ref buffer);

    // Folding in place (source and destination the same buffer) is safe: it never writes ahead of what it reads.
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
}
