namespace CorpusQA.Core.Text;

/// <summary>
/// Finds pinyin glued after Han characters, as left by pages that annotate readings inline: 創(chuàng)始人.
/// A match is a Han character immediately followed by '(' or '（', one to seven pinyin letters of which at least
/// one is a tone-marked vowel, and ')' or '）'. Requiring a tone mark keeps acronyms such as 式AI(GenAI) out.
/// </summary>
internal static class PinyinAnnotation
{
    private const int MaxSyllableLength = 7; // zhuāng / chuàng are 6

    public static int Count(ReadOnlySpan<char> text)
    {
        int count = 0;
        for (int i = 1; i < text.Length; i++)
        {
            if (text[i] is not ('(' or '（') || !PrecededByHan(text, i)) continue;
            int j = i + 1, letters = 0;
            bool toned = false;
            while (j < text.Length && letters <= MaxSyllableLength && IsPinyinLetter(text[j], ref toned))
            {
                j++;
                letters++;
            }
            if (letters is > 0 and <= MaxSyllableLength && toned && j < text.Length && text[j] is ')' or '）')
            {
                count++;
                i = j;
            }
        }
        return count;
    }

    private static bool PrecededByHan(ReadOnlySpan<char> text, int i)
    {
        char before = text[i - 1];
        if (char.IsLowSurrogate(before) && i >= 2 && char.IsHighSurrogate(text[i - 2]))
            return CharTable.KindOfSupplementary(char.ConvertToUtf32(text[i - 2], before)) == CharKind.Han;
        return CharTable.KindOf(before) == CharKind.Han;
    }

    private static bool IsPinyinLetter(char c, ref bool toned)
    {
        if (c is >= 'a' and <= 'z' or 'ü') return true;
        if ("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ".Contains(c))
        {
            toned = true;
            return true;
        }
        return false;
    }
}
