using System.Runtime.CompilerServices;

namespace CorpusQA.Core.Text;

/// <summary>
/// One byte per BMP code unit: the <see cref="CharKind"/> in the low 4 bits plus flag bits. Built once from range
/// checks so that the per-character hot loop is a single table load instead of a chain of comparisons.
/// </summary>
internal static class CharTable
{
    public const byte KindMask = 0x0F;
    /// <summary>A full-width letter or digit (Ａ–Ｚ, ａ–ｚ, ０–９).</summary>
    public const byte FullWidthAlnum = 0x10;
    /// <summary>A character OpenCC knows only as Traditional.</summary>
    public const byte TraditionalOnly = 0x20;
    /// <summary>A character OpenCC knows only as Simplified.</summary>
    public const byte SimplifiedOnly = 0x40;

    private static readonly byte[] Table = Build();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte Lookup(char c) => Table[c];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static CharKind KindOf(char c) => (CharKind)(Table[c] & KindMask);

    /// <summary>Kind of a supplementary-plane code point (from a surrogate pair).</summary>
    public static CharKind KindOfSupplementary(int codePoint)
    {
        if (codePoint is >= 0x20000 and <= 0x323AF) return CharKind.Han;           // Extensions B–H, compatibility supplement
        if (codePoint >= 0xF0000) return CharKind.PrivateUse;                       // planes 15 and 16
        if (codePoint is >= 0x1F000 and <= 0x1FAFF) return CharKind.Symbol;         // emoji, mahjong, cards, pictographs
        if (codePoint is >= 0x1B000 and <= 0x1B16F) return CharKind.Kana;           // kana supplement / extended
        return CharKind.Other;
    }

    private static byte[] Build()
    {
        var table = new byte[65536];
        for (int c = 0; c < 65536; c++) table[c] = (byte)Classify((char)c);
        for (int c = 0xFF10; c <= 0xFF5A; c++)
            if (c <= 0xFF19 || c is >= 0xFF21 and <= 0xFF3A or >= 0xFF41) table[c] |= FullWidthAlnum;
        ScriptTables.Mark(table);
        return table;
    }

    private static CharKind Classify(char c)
    {
        if (c < 0x80)
        {
            if (c is '\t' or '\n' or '\r' or ' ' or '\v' or '\f') return CharKind.Whitespace;
            if (c < 0x20 || c == 0x7F) return CharKind.Control;
            if (c is >= '0' and <= '9') return CharKind.Digit;
            if (c is >= 'A' and <= 'Z' or >= 'a' and <= 'z') return CharKind.Latin;
            return CharKind.AsciiPunctuation;
        }
        if (c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF' or '\u3007')
            return CharKind.Han;
        if (c is '\u3000' or '\u00A0' or '\u2028' or '\u2029' or '\u202F' or '\u205F' or >= '\u2000' and <= '\u200A')
            return CharKind.Whitespace;
        if (c is >= '\u0080' and <= '\u009F') return CharKind.Control;
        if (c == '\uFFFD') return CharKind.Replacement;
        if (c is >= '\uE000' and <= '\uF8FF') return CharKind.PrivateUse;
        if (c is >= '\u3001' and <= '\u303F' or >= '\uFE10' and <= '\uFE1F' or >= '\uFE30' and <= '\uFE4F'
            or >= '\uFF5F' and <= '\uFF65')
            return CharKind.CjkPunctuation;
        if (c is >= '\uFF10' and <= '\uFF19') return CharKind.Digit;
        if (c is >= '\uFF21' and <= '\uFF3A' or >= '\uFF41' and <= '\uFF5A') return CharKind.Latin;
        if (c is >= '\uFF01' and <= '\uFF5E')
            return IsFullWidthSymbol(c) ? CharKind.Symbol : CharKind.CjkPunctuation;
        if (c is >= '\u3040' and <= '\u30FF' or >= '\u31F0' and <= '\u31FF' or >= '\uFF66' and <= '\uFF9F')
            return CharKind.Kana;
        if (c is >= '\uAC00' and <= '\uD7AF' or >= '\u1100' and <= '\u11FF' or >= '\u3130' and <= '\u318F')
            return CharKind.Hangul;
        // Punctuation of the General Punctuation block that Chinese text uses: dashes, quotes, ellipsis, middle dot.
        if (c is '\u2014' or '\u2015' or '\u2018' or '\u2019' or '\u201C' or '\u201D' or '\u2026' or '\u00B7'
            or '\u2013' or '\u2027')
            return CharKind.CjkPunctuation;
        if (char.IsLetter(c) && c < '\u0250') return CharKind.Latin;
        if (char.IsDigit(c)) return CharKind.Digit;
        if (char.IsControl(c)) return CharKind.Control;
        if (char.IsSymbol(c) || c is >= '\u2190' and <= '\u2BFF') return CharKind.Symbol;
        if (char.IsPunctuation(c)) return c < '\u0100' ? CharKind.AsciiPunctuation : CharKind.Symbol;
        return CharKind.Other;
    }

    // ＄＋＜＝＞＾｀｜～ are symbols in Unicode (Sm/Sc/Sk); the rest of the full-width ASCII block is punctuation.
    private static bool IsFullWidthSymbol(char c) => c is '\uFF04' or '\uFF0B' or '\uFF1C' or '\uFF1D' or '\uFF1E'
        or '\uFF3E' or '\uFF40' or '\uFF5C' or '\uFF5E';
}
