using System.Globalization;
using System.Text;
using CorpusQA.Core.Text;

namespace CorpusQA.Classify.Features;

/// <summary>
/// Script-count features: the share of a text's letters in each writing system and the share of its Latin words
/// that are English, each as the raw share plus a one-hot tenth (so a linear model can tell "half Han, half Latin"
/// from either pure script), and a one-hot length class. What separates "mixed" (two languages each ≥ 30%) from a
/// pure text with a few foreign words.
/// </summary>
internal static class ScriptShares
{
    private enum Script { Han, Kana, Hangul, Latin, Cyrillic, Greek, Arabic, Hebrew, Thai, Devanagari, OtherLetter, LatinExtended }

    private const int Scripts = 12;
    private const int Bins = 10;
    private const int LengthClasses = 16;

    /// <summary>
    /// Shares (raw + bins) of the 12 scripts, of Latin words that are English stopwords, of Latin words in an
    /// English dictionary, and of Han letters in kana-free clauses, then the length classes.
    /// </summary>
    public const int Count = (Scripts + 4) * (1 + Bins) + LengthClasses;

    /// <summary>
    /// Grammatical characters of Chinese that Japanese text rarely writes in kanji (以上, 存在, 完了, 該当 and the like
    /// are common Japanese, so 以, 在, 了, 該 are not here).
    /// </summary>
    // Declared before CharTable, which is built from it (static fields initialize in textual order).
    private static readonly System.Buffers.SearchValues<char> ChineseFunctionChars =
        System.Buffers.SearchValues.Create("是这這们們吗嗎呢么麼將被给让讓说說没沒还并與从從对對为该些啊吧呀哪谁誰怎很就过于於而个");

    // Word sets as 64-bit hashes of the words (one hash per word serves both probes).
    private static readonly TermHashSet English = TermHashSet.OfTerms(Load("stopwords_en.txt", gzip: false));

    /// <summary>Debian's wamerican list (SCOWL): lower-case words, so names and acronyms do not count.</summary>
    private static readonly TermHashSet Dictionary = TermHashSet.OfTerms(Load("english_words.txt.gz", gzip: true));

    /// <summary>Writes <see cref="Count"/> values (dense, most of them 0) into <paramref name="output"/>.</summary>
    public static void Compute(ReadOnlySpan<char> text, Span<float> output)
    {
        Span<int> letters = stackalloc int[Scripts];
        letters.Clear();
        int total = 0, latinWords = 0, englishWords = 0, dictionaryWords = 0;
        // Japanese puts kana in nearly every clause, even kanji-heavy ones; a Chinese passage inside Japanese
        // text is a run of clauses with Han and no kana.
        int clauseHan = 0, clauseKana = 0, kanaFreeHan = 0, clauseFunction = 0, chineseClauseHan = 0;
        Span<char> word = stackalloc char[24];
        int wordLength = 0;
        bool wordTooLong = false;
        var table = CharTable;
        for (int i = 0; i <= text.Length; i++)
        {
            char c = i < text.Length ? text[i] : ' ';
            if (char.IsAsciiLetter(c))
            {
                if (wordLength < word.Length) word[wordLength++] = c;
                else wordTooLong = true;
            }
            else if (wordLength > 0 && c != '\'')
            {
                latinWords++;
                if (!wordTooLong)
                {
                    var w = word[..wordLength];
                    // A capitalised or upper-case word is looked up in lower case ("The", "EXIT"); a mixed-case one as is.
                    if (char.IsAsciiLetterUpper(w[0]) && (w.Length == 1 || char.IsAsciiLetterLower(w[1]) || IsUpper(w))) Ascii.ToLowerInPlace(w, out _);
                    ulong hash = TextHash.Of(w);
                    if (English.Contains(hash)) englishWords++;
                    if (Dictionary.Contains(hash)) dictionaryWords++;
                }
                wordLength = 0;
                wordTooLong = false;
            }
            byte entry = table[c];
            if (i == text.Length || (entry & ClauseEndFlag) != 0)
            {
                if (clauseKana == 0 && clauseHan >= 4) kanaFreeHan += clauseHan;
                if (clauseKana == 0 && clauseFunction > 0) chineseClauseHan += clauseHan;
                clauseHan = clauseKana = clauseFunction = 0;
            }
            if (i == text.Length) break;
            int script = entry & ScriptMask;
            if ((entry & SurrogateFlag) != 0)
            {
                script = NoScript;
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    script = Classify(char.ConvertToUtf32(c, text[++i])) is { } astral ? (int)astral : NoScript;
            }
            if (script == NoScript) continue;
            letters[script]++;
            total++;
            if (script == (int)Script.Han)
            {
                clauseHan++;
                if ((entry & FunctionFlag) != 0) clauseFunction++;
            }
            else if (script == (int)Script.Kana) clauseKana++;
        }

        output[..Count].Clear();
        for (int s = 0; s < Scripts; s++) Share(output, s, total > 0 ? letters[s] / (double)total : 0);
        Share(output, Scripts, latinWords > 0 ? englishWords / (double)latinWords : 0);
        Share(output, Scripts + 1, latinWords > 0 ? dictionaryWords / (double)latinWords : 0);
        Share(output, Scripts + 2, total > 0 && letters[(int)Script.Kana] > 0 ? kanaFreeHan / (double)total : 0);
        Share(output, Scripts + 3, total > 0 && letters[(int)Script.Kana] > 0 ? chineseClauseHan / (double)total : 0);
        int lengthClass = Math.Min(LengthClasses - 1, total == 0 ? 0 : 1 + (int)Math.Log2(total));
        output[(Scripts + 4) * (1 + Bins) + lengthClass] = 1;
    }

    private const int ScriptMask = 0x0F, NoScript = 0x0F, ClauseEndFlag = 0x10, FunctionFlag = 0x20, SurrogateFlag = 0x40;

    /// <summary>Every UTF-16 code unit's script (low four bits; 15: not a letter) and flags, built once (64 KiB).</summary>
    private static readonly byte[] CharTable = BuildTable();

    private static byte[] BuildTable()
    {
        var table = new byte[65536];
        for (int c = 0; c < table.Length; c++)
        {
            if (c is >= 0xD800 and <= 0xDFFF)
            {
                table[c] = (byte)(NoScript | (c <= 0xDBFF ? SurrogateFlag : 0));
                continue;
            }
            int entry = Classify(c) is { } script ? (int)script : NoScript;
            if (IsClauseEnd((char)c)) entry |= ClauseEndFlag;
            if (ChineseFunctionChars.Contains((char)c)) entry |= FunctionFlag;
            table[c] = (byte)entry;
        }
        return table;
    }

    private static bool IsClauseEnd(char c) => c is '。' or '，' or '、' or '！' or '？' or '；' or '：' or '\n' or '.' or ',' or '!' or '?' or ';' or ':'
        or '「' or '」' or '（' or '）' or '(' or ')' or ' ' or '\t' or '\u3000';

    private static void Share(Span<float> output, int slot, double share)
    {
        int at = slot * (1 + Bins);
        output[at] = (float)share;
        output[at + 1 + Math.Min(Bins - 1, (int)(share * Bins))] = 1;
    }

    private static Script? Classify(int cp)
    {
        if (cp < 0x80) return char.IsAsciiLetter((char)cp) ? Script.Latin : null;
        if (cp is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF or >= 0xF900 and <= 0xFAFF or >= 0x20000 and <= 0x3134F or 0x3005 or 0x3007) return Script.Han;
        if (cp is >= 0x3040 and <= 0x30FF or >= 0x31F0 and <= 0x31FF or >= 0xFF66 and <= 0xFF9D) return cp is 0x30FB or 0x30FC ? null : Script.Kana;
        if (cp is >= 0xAC00 and <= 0xD7AF or >= 0x1100 and <= 0x11FF or >= 0x3130 and <= 0x318F) return Script.Hangul;
        if (cp is >= 0xFF21 and <= 0xFF5A) return IsLetter(cp) ? Script.Latin : null;
        // Accented Latin letters apart: English has almost none, most other Latin-script languages many.
        if (cp is >= 0x00C0 and <= 0x024F or >= 0x1E00 and <= 0x1EFF) return IsLetter(cp) ? Script.LatinExtended : null;
        if (cp is >= 0x0400 and <= 0x052F) return Script.Cyrillic;
        if (cp is >= 0x0370 and <= 0x03FF or >= 0x1F00 and <= 0x1FFF) return IsLetter(cp) ? Script.Greek : null;
        if (cp is >= 0x0600 and <= 0x06FF or >= 0x0750 and <= 0x077F) return IsLetter(cp) ? Script.Arabic : null;
        if (cp is >= 0x0590 and <= 0x05FF) return IsLetter(cp) ? Script.Hebrew : null;
        if (cp is >= 0x0E00 and <= 0x0E7F) return IsLetter(cp) ? Script.Thai : null;
        if (cp is >= 0x0900 and <= 0x097F) return IsLetter(cp) ? Script.Devanagari : null;
        return IsLetter(cp) ? Script.OtherLetter : null;
    }

    private static bool IsLetter(int cp) => CharUnicodeInfo.GetUnicodeCategory(cp) is UnicodeCategory.UppercaseLetter
        or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
        or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static bool IsUpper(ReadOnlySpan<char> w)
    {
        foreach (char c in w)
            if (!char.IsAsciiLetterUpper(c)) return false;
        return true;
    }

    private static List<string> Load(string name, bool gzip)
    {
        using var stream = typeof(ScriptShares).Assembly.GetManifestResourceStream("CorpusQA.Classify.Data." + name)
            ?? throw new InvalidOperationException($"embedded {name} is missing");
        using var reader = new StreamReader(gzip ? new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Decompress) : stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && line[0] != '#') words.Add(line);
        return words;
    }
}
