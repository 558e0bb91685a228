using System.Text;
using CorpusQA.Core.Text.Normalization;

namespace CorpusQA.Core.Tests.Dedup;

/// <summary>
/// The optimized one-pass normalizer (block kernel, plain runs, slow path) against a plain two-pass
/// reference written from the definition: NFKC per code point with composition, then drop zero-width
/// characters, collapse whitespace runs to one space, trim, fold punctuation and Traditional characters.
/// </summary>
public class NormalizerReferenceTests
{
    private static string Reference(string text, bool foldPunctuation, bool foldTraditional)
    {
        var nfkc = new List<int>();
        for (int i = 0; i < text.Length; i++)
        {
            int cp = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                cp = char.ConvertToUtf32(text[i], text[++i]);
            string? form = NfkcTable.Mapping(cp);
            int[] codePoints = form is null ? [cp] : form.EnumerateRunes().Select(r => r.Value).ToArray();
            foreach (int d in codePoints)
            {
                if (nfkc.Count > 0 && NfkcTable.TryCompose(nfkc[^1], d, out int composed))
                    nfkc[^1] = composed;
                else
                    nfkc.Add(d);
            }
        }
        var sb = new StringBuilder();
        bool pending = false;
        foreach (int cp in nfkc)
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
                sb.Append(' ');
                pending = false;
            }
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
            "e\u0301", "\u0301", "\u200B", "\uFEFF", "ﬁ", "…", "①", "㍻", "𝑛", "\uD83D\uDE00", "\uD800", "Ｅ", "—", "「", "-", "x y"];
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
