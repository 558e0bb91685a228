using CorpusQA.Core.Dedup;
using CorpusQA.Segmentation;

namespace CorpusQA.Core.Tests.Dedup;

/// <summary>Word shingles from real jieba tokens (the pipeline segments once and hands the spans over).</summary>
public class WordShingleTests
{
    private static readonly Lazy<JiebaSegmenter> Segmenter = new(JiebaSegmenter.CreateDefault);

    private static TokenSpan[] Words(string text)
    {
        var tokens = new List<TokenSpan>();
        Segmenter.Value.Cut(text, tokens);
        return tokens.ToArray();
    }

    [Fact]
    public void JiebaWordTrigramsClusterLightEditsAndNothingElse()
    {
        var random = new Random(8);
        var originals = DedupTestData.Sample.Where(t => t.Length > 1500).Take(30).ToList();
        var texts = new List<string>(originals);
        foreach (string original in originals)
            texts.Add(DedupEdits.Substitute(original, 0.002, random));
        var options = new DedupOptions { Shingle = ShingleUnit.Word, NGram = 3 };
        using var engine = new DedupEngine(options);
        for (int i = 0; i < texts.Count; i++)
            engine.AddDocument(i, texts[i], Words(texts[i]));
        var result = engine.Finish();

        int found = 0;
        for (int i = 0; i < originals.Count; i++)
        {
            var variant = result[originals.Count + i];
            if (variant.Keeper == i)
                found++;
            // No variant is ever attached to a different original.
            Assert.True(variant.IsKeeper || variant.Keeper == i || result[variant.Keeper].Keeper == i);
        }
        for (int i = 0; i < originals.Count; i++)
            Assert.True(result[i].IsKeeper);
        Assert.True(found >= 27, $"only {found} of {originals.Count} variants found");
    }

    [Fact]
    public void WordSignaturesIgnoreSpacingAndDependOnTheSegmentation()
    {
        var signer = new MinHashSigner(new DedupOptions { Shingle = ShingleUnit.Word, NGram = 3 });
        const string text = "我们在北京大学学习自然语言处理和机器学习的课程。";
        const string spaced = "我们在北京大学 学习自然语言处理和机器学习的课程。 ";
        var a = signer.Sign(0, text, Words(text));
        var b = signer.Sign(1, spaced, Words(spaced));
        Assert.Equal(SignatureKind.Shingled, a.Kind);
        Assert.Equal(a.MinHashes, b.MinHashes);
        var characters = Enumerable.Range(0, text.Length).Select(i => new TokenSpan(i, 1)).ToArray();
        Assert.NotEqual(a.MinHashes, signer.Sign(2, text, characters).MinHashes);
    }
}
