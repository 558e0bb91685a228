using System.Text;
using CorpusQA.Core.Text.Normalization;

namespace CorpusQA.Core.Tests.Dedup;

/// <summary>
/// The optimized one-pass normalizer (block kernel, plain runs, slow path) against a plain two-pass
/// reference written from the definition: NFKC per code point with composition, then drop zero-width
/// characters, collapse whitespace runs to one space (none between two CJK characters, judged on the source
/// character each NFKC code point came from), trim, fold punctuation and Traditional characters.
/// </summary>
public class NormalizerReferenceTests
{
    private static string Reference(string text, bool foldPunctuation, bool foldTraditional)
    {
        var nfkc = new List<(int Cp, bool Cjk)>();
        for (int i = 0; i < text.Length; i++)
        {
            int cp = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                cp = char.ConvertToUtf32(text[i], text[++i]);
            bool cjk = IsCjk(cp);
            string? form = NfkcTable.Mapping(cp);
            int[] codePoints = form is null ? [cp] : form.EnumerateRunes().Select(r => r.Value).ToArray();
            foreach (int d in codePoints)
            {
                if (nfkc.Count > 0 && NfkcTable.TryCompose(nfkc[^1].Cp, d, out int composed))
                    nfkc[^1] = (composed, cjk);
                else
                    nfkc.Add((d, cjk));
            }
        }
        var sb = new StringBuilder();
        bool pending = false, lastCjk = false;
        foreach (var (cp, cjk) in nfkc)
        {
            if (cp < 0x10000 && char.IsWhiteSpace((char)cp))
            {
                pending = sb.Length > 0;
                continue;
            }
            if (cp is 0x200B or 0x200C or 0x200D or 0x2060 or 0xFEFF)
                continue;
            if (pending)
            {
                if (!(lastCjk && cjk)) sb.Append(' ');
                pending = false;
            }
            lastCjk = cjk;
            if (cp >= 0x10000)
            {
                sb.Append(char.ConvertFromUtf32(cp));
                continue;
            }
            char c = (char)cp;
            if (foldPunctuation)
                c = PunctuationFold.Fold(c);
            if (foldTraditional)
                c = TraditionalToSimplified.Map[c];
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>The CJK class written out from its definition (Unicode blocks), independently of CjkSpacing.</summary>
    private static bool IsCjk(int cp)
    {
        (int Lo, int Hi)[] blocks =
        [
            (0x1100, 0x11FF), (0x2E80, 0x2FDF), (0x3000, 0x303F), (0x3040, 0x309F), (0x30A0, 0x30FF), (0x3100, 0x312F),
            (0x3130, 0x318F), (0x3190, 0x31FF), (0x3200, 0x32FF), (0x3300, 0x33FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF),
            (0xA960, 0xA97F), (0xAC00, 0xD7AF), (0xD7B0, 0xD7FF), (0xF900, 0xFAFF), (0xFE10, 0xFE1F), (0xFE30, 0xFE4F),
            (0xFE50, 0xFE6F), (0xFF00, 0xFFEF), (0x1B000, 0x1B16F), (0x20000, 0x3FFFF),
        ];
        return blocks.Any(b => cp >= b.Lo && cp <= b.Hi);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void MatchesTheReferenceOnTheSampleCorpus(bool punctuation, bool traditional)
    {
        var normalizer = new DedupTextNormalizer(punctuation, traditional);
        foreach (string text in DedupTestData.Sample)
            Assert.Equal(Reference(text, punctuation, traditional), normalizer.Normalize(text));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void MatchesTheReferenceOnHostileMixtures(bool punctuation, bool traditional)
    {
        string[] pieces = ["a", "Z", "9", " ", "  ", "\n", "\t", "\u3000", "\u00A0", "中文", "這個", "，", "。", "、", "“", "”", "ｶﾞ",
            "e\u0301", "\u0301", "\u200B", "\uFEFF", "ﬁ", "…", "①", "㍻", "𝑛", "\uD83D\uDE00", "\uD800", "Ｅ", "—", "「", "-", "x y", "中 文", " 本 ", "\n文\n", "한 국", "カ ナ", "，\n", "𠀀 ", "Ａ "];
        var normalizer = new DedupTextNormalizer(punctuation, traditional);
        var random = new Random(99);
        for (int trial = 0; trial < 3000; trial++)
        {
            var sb = new StringBuilder();
            int count = random.Next(0, 60);
            for (int k = 0; k < count; k++)
                sb.Append(random.Next(3) == 0 ? pieces[random.Next(pieces.Length)] : (random.Next(2) == 0 ? "abcdefgh " : "软件包管理器"));
            string text = sb.ToString();
            Assert.Equal(Reference(text, punctuation, traditional), normalizer.Normalize(text));
        }
    }
}
