using System.Buffers;
using System.Text;
using CorpusQA.Core.Kernels;

namespace CorpusQA.Core.Text.Normalization;

/// <summary>
/// The normalization both exact and near-duplicate detection hash: NFKC (<see cref="NfkcTable"/>), whitespace runs collapsed to one
/// space and trimmed, except that whitespace between two CJK characters (<see cref="CjkSpacing.IsCjk"/>: Han, kana, Hangul,
/// CJK and full-width punctuation) vanishes, so 中 文 文 本 and text wrapped mid-sentence match their clean copies;
/// zero-width format characters dropped, then optionally punctuation variants folded
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
        char[] rented = ArrayPool<char>.Shared.Rent(text.Length + 16);
        char[] buffer = rented; // may be swapped for a larger array; the pool gets back only its own.
        try
        {
            int length = NormalizeInto(text, ref buffer, collapseInnerWhitespace: true);
            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>Normalizes into a caller-owned buffer (grown when needed) and returns the normalized characters.</summary>
    internal ReadOnlySpan<char> NormalizeToBuffer(ReadOnlySpan<char> text, ref char[] buffer)
    {
        if (buffer.Length < text.Length + 16)
            buffer = new char[Math.Max(text.Length + 16, buffer.Length * 2)];
        int length = NormalizeInto(text, ref buffer, collapseInnerWhitespace: true);
        return buffer.AsSpan(0, length);
    }

    /// <summary>
    /// Normalizes one segmenter token into <paramref name="destination"/> (grown when needed) and returns
    /// the length; whitespace inside the token is dropped, so a whitespace-only token normalizes to nothing.
    /// </summary>
    internal int NormalizeToken(ReadOnlySpan<char> token, ref char[] destination) =>
        NormalizeInto(token, ref destination, collapseInnerWhitespace: false);

    /// <summary>
    /// One pass: runs of printable ASCII (and of CJK ideographs unless folding Traditional) need neither NFKC
    /// nor folding and are copied whole, found by a vector kernel; every other code point is replaced by its
    /// NFKC form, composed with a preceding starter when Unicode says so, then classified and folded.
    /// </summary>
    private int NormalizeInto(ReadOnlySpan<char> text, ref char[] buffer, bool collapseInnerWhitespace)
    {
        var state = new Writer(buffer, _map, _kind, collapseInnerWhitespace);
        char plainLow2 = _cjkIdentity ? '\u4E00' : '!', plainHigh2 = _cjkIdentity ? '\u9FFF' : '~';
        bool[] special = NfkcTable.Special;
        for (int i = 0; i < text.Length; i++)
        {
            if (collapseInnerWhitespace && i + PlainBlockKernel.BlockLength <= text.Length)
            {
                // A block at a time while the characters are plain or single spaces between plain ones.
                int copied = state.CopyPlainBlock(text.Slice(i, PlainBlockKernel.BlockLength), text.Length - i, plainLow2, plainHigh2);
                if (copied > 0)
                {
                    i += copied - 1;
                    continue;
                }
            }
            if (IsPlain(text[i], plainLow2, plainHigh2))
            {
                i = state.CopyPlainRun(text, i, plainLow2, plainHigh2) - 1;
                continue;
            }
            int cp = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                cp = char.ConvertToUtf32(text[i], text[++i]);
            bool cjk = CjkSpacing.IsCjk(cp);
            bool isSpecial = cp >= 0x10000 || special[cp];
            if (!isSpecial)
            {
                state.Emit(cp, mayCompose: false, cjk);
                continue;
            }
            string? mapped = NfkcTable.Mapping(cp);
            if (mapped is null)
            {
                state.Emit(cp, mayCompose: true, cjk);
                continue;
            }
            for (int j = 0; j < mapped.Length; j++)
            {
                int d = mapped[j];
                if (char.IsHighSurrogate(mapped[j]))
                    d = char.ConvertToUtf32(mapped[j], mapped[++j]);
                state.Emit(d, mayCompose: true, cjk);
            }
        }
        buffer = state.Output;
        return state.Written;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool IsPlain(char c, char low2, char high2) =>
        (uint)(c - '!') <= '~' - '!' || (uint)(c - low2) <= (uint)(high2 - low2);

    /// <summary>Output side of the pass: whitespace collapsing, composition with the last code point, folding.</summary>
    private struct Writer(char[] output, char[] map, byte[] kind, bool collapseInnerWhitespace)
    {
        public char[] Output = output;
        public int Written;
        private bool _pendingSpace;
        private int _previous = -1;      // last code point written, a composition candidate (-1: none)
        private int _previousUnits;
        private bool _lastCjk;            // the last character written came from a CJK source character

        /// <summary>
        /// Copies the unchanged prefix of a block (32 characters) with <see cref="PlainBlockKernel"/>; returns
        /// its length. A space may be copied as is only right after a written non-space character.
        /// </summary>
        public int CopyPlainBlock(ReadOnlySpan<char> block, int remaining, char low2, char high2)
        {
            Reserve(remaining + PlainBlockKernel.BlockLength);
            bool afterPlain = !_pendingSpace && Written > 0 && Output[Written - 1] != ' ';
            int copied = PlainBlockKernel.CopyPrefix(block, Output.AsSpan(Written, PlainBlockKernel.BlockLength), afterPlain, _lastCjk, low2, high2);
            if (copied > 0 && _pendingSpace)
            {
                // The block's first character is plain (a space would not have been copied): put the pending
                // space in front of the copied prefix, unless it falls between two CJK characters.
                if (!(_lastCjk && CjkSpacing.IsCjk(block[0])))
                {
                    Output.AsSpan(Written, copied).CopyTo(Output.AsSpan(Written + 1));
                    Output[Written] = ' ';
                    Written++;
                }
                _pendingSpace = false;
            }
            if (copied > 0)
            {
                Written += copied;
                _previous = block[copied - 1];
                _previousUnits = 1;
                _lastCjk = CjkSpacing.IsCjk(block[copied - 1]);
            }
            return copied;
        }

        /// <summary>Copies the run of plain characters starting at <paramref name="start"/>; returns where it ends.</summary>
        /// <remarks>
        /// Most runs are a few characters long (mixed Chinese and English), so the first 16 are copied while
        /// being scanned; only a longer run goes to the vector kernel and a block copy.
        /// </remarks>
        public int CopyPlainRun(ReadOnlySpan<char> text, int start, char low2, char high2)
        {
            Reserve(text.Length - start + 1);
            FlushSpace(CjkSpacing.IsCjk(text[start]));
            char[] output = Output;
            int w = Written, i = start;
            int limit = Math.Min(text.Length, start + 16);
            do
            {
                output[w++] = text[i++];
            }
            while (i < limit && IsPlain(text[i], low2, high2));
            if (i == limit && i < text.Length)
            {
                int more = TwoRangePrefixKernel.Length(text.Slice(i), '!', '~', low2, high2);
                text.Slice(i, more).CopyTo(output.AsSpan(w));
                w += more;
                i += more;
            }
            Written = w;
            _previous = text[i - 1];
            _previousUnits = 1;
            _lastCjk = CjkSpacing.IsCjk(text[i - 1]);
            return i;
        }

        /// <param name="cp">An NFKC code point.</param>
        /// <param name="mayCompose">False for characters known to compose with nothing (skips the table).</param>
        /// <param name="cjk">Whether the source character it came from is CJK (<see cref="CjkSpacing.IsCjk"/>).</param>
        public void Emit(int cp, bool mayCompose, bool cjk)
        {
            if (mayCompose && _previous >= 0 && NfkcTable.TryCompose(_previous, cp, out int composed))
            {
                Written -= _previousUnits;
                cp = composed;
            }
            Reserve(3);
            if (cp >= 0x10000)
            {
                FlushSpace(cjk);
                new Rune(cp).EncodeToUtf16(Output.AsSpan(Written));
                Written += 2;
                _previous = cp;
                _previousUnits = 2;
                _lastCjk = cjk;
                return;
            }
            byte k = kind[cp];
            if (k != Keep)
            {
                if (k == Whitespace)
                    _pendingSpace = collapseInnerWhitespace && Written > 0;
                _previous = -1;
                return;
            }
            FlushSpace(cjk);
            Output[Written++] = map[cp];
            _previous = cp;
            _previousUnits = 1;
            _lastCjk = cjk;
        }

        /// <summary>Writes the pending space before the next character, unless both neighbours are CJK.</summary>
        private void FlushSpace(bool nextCjk)
        {
            if (_pendingSpace)
            {
                if (!(_lastCjk && nextCjk)) Output[Written++] = ' ';
                _pendingSpace = false;
            }
        }

        private void Reserve(int extra)
        {
            if (Written + extra > Output.Length)
                Array.Resize(ref Output, Math.Max(Output.Length * 2, Written + extra));
        }
    }

    private static bool IsZeroWidth(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';
}
