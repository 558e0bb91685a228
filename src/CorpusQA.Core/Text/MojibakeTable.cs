namespace CorpusQA.Core.Text;

/// <summary>
/// Character bigrams that real text practically never contains but UTF-8 Chinese read with the wrong codec
/// (GBK, GB18030, Big5, cp1252, Latin-1) produces all the time: 涓嶅, 鍗佷, ä¸, å¤, 锟斤拷, 烫烫...
/// Built by <c>tools/data/build_mojibake.py</c>, which mis-decodes jieba's dictionary words and drops every
/// bigram that occurs in a real word (Simplified or Traditional).
/// </summary>
internal static class MojibakeTable
{
    private static readonly Lazy<(HashSet<uint> Bigrams, ulong[] FirstChars, ulong[] SecondChars)> Table = new(Load);

    /// <summary>Number of characters of <paramref name="text"/> covered by at least one mojibake bigram.</summary>
    public static int CountCoveredChars(ReadOnlySpan<char> text)
    {
        var (bigrams, first, second) = Table.Value;
        int covered = 0, coveredUntil = 0;
        for (int i = 0; i + 1 < text.Length; i++)
        {
            char a = text[i];
            if ((first[a >> 6] & (1UL << (a & 63))) == 0) continue;
            char b = text[i + 1];
            // Both halves are common characters on their own; testing the second one too spares most set probes.
            if ((second[b >> 6] & (1UL << (b & 63))) == 0) continue;
            if (!bigrams.Contains(((uint)a << 16) | b)) continue;
            covered += i >= coveredUntil ? 2 : 1; // the pair overlaps the previous one by at most one char
            coveredUntil = i + 2;
        }
        return covered;
    }

    private static (HashSet<uint>, ulong[], ulong[]) Load()
    {
        var bigrams = new HashSet<uint>();
        var first = new ulong[1024];
        var second = new ulong[1024];
        foreach (string line in DataFiles.ReadLines("mojibake_bigrams.txt"))
        {
            string bigram = line.Split('\t')[1];
            if (bigram.Length != 2) continue; // a supplementary-plane character: not representable as a BMP pair
            bigrams.Add(((uint)bigram[0] << 16) | bigram[1]);
            first[bigram[0] >> 6] |= 1UL << (bigram[0] & 63);
            second[bigram[1] >> 6] |= 1UL << (bigram[1] & 63);
        }
        return (bigrams, first, second);
    }
}
