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
    private const byte Keep = 0, Whitespace = 1, Drop = 2;
    private static readonly Lazy<(char[] Map, byte[] Kind)>[] Tables =
    [
        new(() => BuildTable(false, false)), new(() => BuildTable(true, false)),
        new(() => BuildTable(false, true)), new(() => BuildTable(true, true)),
    ];

    private readonly char[] _map;
    private readonly byte[] _kind;
    private readonly bool _cjkIdentity;

    public DedupTextNormalizer(bool foldPunctuation, bool foldTraditional)
    {
        (_map, _kind) = Tables[(foldPunctuation ? 1 : 0) + (foldTraditional ? 2 : 0)].Value;
        _cjkIdentity = !foldTraditional;
    }

    /// <summary>Per UTF-16 unit: what the fold pass does with it (keep mapped, whitespace, drop) and its folded form.</summary>
    private static (char[] Map, byte[] Kind) BuildTable(bool foldPunctuation, bool foldTraditional)
    {
        var map = new char[0x10000];
        var kind = new byte[0x10000];
        char[]? traditional = foldTraditional ? TraditionalToSimplified.Map : null;
        for (int i = 0; i < map.Length; i++)
        {
            char c = (char)i;
            kind[i] = char.IsWhiteSpace(c) ? Whitespace : IsZeroWidth(c) ? Drop : Keep;
            if (foldPunctuation)
                c = PunctuationFold.Fold(c);
            if (traditional is not null)
                c = traditional[c];
            map[i] = c;
        }
        return (map, kind);
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
        char[] map = _map;
        byte[] kind = _kind;
        bool cjkIdentity = _cjkIdentity;
        int written = 0;
        bool pendingSpace = false;
        for (int i = 0; i < source.Length; i++)
        {
            char raw = source[i];
            byte k = kind[raw];
            if (k == Whitespace)
            {
                pendingSpace = collapseInnerWhitespace && written > 0;
                continue;
            }
            if (k == Drop)
                continue;
            if (pendingSpace)
            {
                destination[written++] = ' ';
                pendingSpace = false;
            }
            if (cjkIdentity && (uint)(raw - 0x4E00) <= 0x9FFF - 0x4E00)
            {
                // A run of CJK Unified Ideographs: never whitespace, unchanged without the Traditional fold.
                int offset = source.Slice(i).IndexOfAnyExceptInRange('\u4E00', '\u9FFF');
                int end = offset < 0 ? source.Length : i + offset;
                source.Slice(i, end - i).CopyTo(destination.Slice(written));
                written += end - i;
                i = end - 1;
                continue;
            }
            destination[written++] = map[raw];
        }
        return written;
    }

    private static bool IsZeroWidth(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';
}
