namespace CorpusQA.Core.Text;

/// <summary>Per-document character statistics gathered in one pass over the UTF-16 text.</summary>
public struct CharClassCounts
{
    private KindCounts _kinds;

    /// <summary>Code points (a surrogate pair counts once).</summary>
    public int CodePoints;
    /// <summary>Length of the text in UTF-8 bytes (lone surrogates count 3, as their U+FFFD replacement would).</summary>
    public long Utf8Bytes;
    /// <summary>Full-width letters and digits (Ａ, ｚ, ０...), also counted in their kinds.</summary>
    public int FullWidthAlnum;
    /// <summary>ASCII letters and digits.</summary>
    public int AsciiAlnum;
    /// <summary>Han characters that only Traditional Chinese uses (OpenCC).</summary>
    public int TraditionalOnly;
    /// <summary>Han characters that only Simplified Chinese uses (OpenCC).</summary>
    public int SimplifiedOnly;

    /// <summary>Number of code points of one kind.</summary>
    public readonly int this[CharKind kind] => _kinds[(int)kind];

    /// <summary>Code points that are not white space: the denominator of the ratio signals.</summary>
    public readonly int NonWhitespace => CodePoints - _kinds[(int)CharKind.Whitespace];

    /// <summary>Counts every class of <paramref name="text"/>.</summary>
    public static CharClassCounts Count(ReadOnlySpan<char> text)
    {
        var counts = new CharClassCounts();
        long bytes = 0;
        int codePoints = 0, fullWidth = 0, asciiAlnum = 0, traditional = 0, simplified = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            codePoints++;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                int cp = char.ConvertToUtf32(c, text[i + 1]);
                i++;
                bytes += 4;
                counts._kinds[(int)CharTable.KindOfSupplementary(cp)]++;
                if (ScriptTables.IsTraditionalOnlySupplementary(cp)) traditional++;
                else if (ScriptTables.IsSimplifiedOnlySupplementary(cp)) simplified++;
                continue;
            }
            // Branch-free counting: ASCII, Han and punctuation interleave, so each branch would often mispredict.
            bytes += 1 + (c >= 0x80 ? 1 : 0) + (c >= 0x800 ? 1 : 0);
            asciiAlnum += char.IsAsciiLetterOrDigit(c) ? 1 : 0;
            int entry = CharTable.Lookup(c);
            counts._kinds[entry & CharTable.KindMask]++;
            fullWidth += (entry & CharTable.FullWidthAlnum) != 0 ? 1 : 0;
            traditional += (entry & CharTable.TraditionalOnly) != 0 ? 1 : 0;
            simplified += (entry & CharTable.SimplifiedOnly) != 0 ? 1 : 0;
        }
        counts.CodePoints = codePoints;
        counts.Utf8Bytes = bytes;
        counts.FullWidthAlnum = fullWidth;
        counts.AsciiAlnum = asciiAlnum;
        counts.TraditionalOnly = traditional;
        counts.SimplifiedOnly = simplified;
        return counts;
    }

    [System.Runtime.CompilerServices.InlineArray(16)]
    private struct KindCounts
    {
        private int _first;
    }
}
