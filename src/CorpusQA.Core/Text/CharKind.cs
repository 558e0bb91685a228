namespace CorpusQA.Core.Text;

/// <summary>The character classes that <see cref="CharClassCounts"/> counts; every code point has exactly one.</summary>
public enum CharKind : byte
{
    /// <summary>Anything not covered below (other scripts, combining marks...).</summary>
    Other = 0,
    /// <summary>CJK unified ideographs (BMP, Extension A, supplementary planes), compatibility ideographs and 〇.</summary>
    Han,
    /// <summary>CJK symbols and punctuation, full-width punctuation, and the quotes/dashes/ellipsis Chinese text uses.</summary>
    CjkPunctuation,
    /// <summary>ASCII and Latin-1 punctuation (other punctuation outside the CJK blocks counts as a symbol).</summary>
    AsciiPunctuation,
    /// <summary>Latin letters: ASCII, Latin-1/Extended (incl. toned pinyin vowels) and full-width.</summary>
    Latin,
    /// <summary>Decimal digits, ASCII and full-width.</summary>
    Digit,
    /// <summary>White space incl. the ideographic space U+3000.</summary>
    Whitespace,
    /// <summary>Hiragana and katakana (full- and half-width).</summary>
    Kana,
    /// <summary>Hangul syllables and jamo.</summary>
    Hangul,
    /// <summary>Symbols: math, currency, arrows, box drawing, dingbats, emoji...</summary>
    Symbol,
    /// <summary>Private-use code points (BMP and planes 15–16).</summary>
    PrivateUse,
    /// <summary>C0/C1 control characters other than tab, line feed and carriage return.</summary>
    Control,
    /// <summary>U+FFFD, the replacement character a decoder leaves for bytes it could not read.</summary>
    Replacement,
}
