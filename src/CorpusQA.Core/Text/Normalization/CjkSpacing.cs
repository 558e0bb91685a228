namespace CorpusQA.Core.Text.Normalization;

/// <summary>
/// The characters between which dedup normalization drops white space: web copies of Chinese text often put a
/// space between every character (中 文 文 本) or break lines in mid-sentence, and Chinese does not separate words.
/// White space between Latin words (or between Latin and CJK) stays one space.
/// </summary>
public static class CjkSpacing
{
    /// <summary>
    /// Han (ideographs, extensions, compatibility ideographs, radicals, 々〇), kana, Bopomofo, Hangul, CJK symbols and
    /// punctuation (、。「」…), CJK compatibility and enclosed forms, vertical and small forms, and the half-width and
    /// full-width forms block (，！Ａ ｶ). Classified on the source character, before NFKC turns ，into ','.
    /// </summary>
    public static bool IsCjk(int cp) => cp switch
    {
        >= 0x4E00 and <= 0x9FFF => true,           // CJK Unified Ideographs
        < 0x1100 => false,
        <= 0x11FF => true,                          // Hangul Jamo
        < 0x2E80 => false,
        <= 0x2FDF => true,                          // CJK and Kangxi radicals
        >= 0x3000 and <= 0x4DBF => true,            // CJK symbols and punctuation, kana, Bopomofo, Hangul compatibility, enclosed, compatibility, Ext A
        >= 0xA960 and <= 0xA97F => true,            // Hangul Jamo Extended-A
        >= 0xAC00 and <= 0xD7FF => true,            // Hangul syllables and Jamo Extended-B
        >= 0xF900 and <= 0xFAFF => true,            // CJK compatibility ideographs
        >= 0xFE10 and <= 0xFE1F => true,            // vertical forms
        >= 0xFE30 and <= 0xFE6F => true,            // CJK compatibility forms, small form variants
        >= 0xFF00 and <= 0xFFEF => true,            // half-width and full-width forms
        >= 0x1B000 and <= 0x1B16F => true,          // kana supplement and extended
        >= 0x20000 and <= 0x3FFFF => true,          // CJK extensions B and later, compatibility supplement
        _ => false,
    };
}
