using CorpusQA.Segmentation.Tests.Parity;

namespace CorpusQA.Segmentation.Tests;

/// <summary>
/// Offsets of <see cref="JiebaSegmenter.Tokenize"/> (golden values from jieba.tokenize are replayed
/// in <see cref="Dictionary.UserDictionaryParityTests"/>; these check the invariants on whole articles).
/// </summary>
public sealed class TokenizeTests
{
    private static readonly Lazy<IReadOnlyList<GoldenDocument>> Seeds = new(() => GoldenDocument.Load("golden-seeds.jsonl.gz"));

    [Fact]
    public void AccurateTokensAreContiguousSubstrings()
    {
        foreach (GoldenDocument doc in Seeds.Value)
        {
            var tokens = SharedSegmenter.Instance.Tokenize(doc.Text);
            int pos = 0;
            foreach (var (word, start, end) in tokens)
            {
                Assert.Equal(pos, start);
                Assert.Equal(word, doc.Text[start..end]);
                pos = end;
            }
            Assert.Equal(doc.Text.Length, pos);
            Assert.Equal(doc.Modes["accurate"].Select(t => t.Text), tokens.Select(t => t.Word));
        }
    }

    [Fact]
    public void SearchTokensPointAtTheirText()
    {
        foreach (GoldenDocument doc in Seeds.Value)
        {
            var tokens = SharedSegmenter.Instance.Tokenize(doc.Text, CutMode.Search);
            Assert.All(tokens, t => Assert.Equal(t.Word, doc.Text[t.Start..t.End]));
            Assert.Equal(doc.Modes["search"].Select(t => t.Text), tokens.Select(t => t.Word));
        }
    }

    [Fact]
    public void OffsetsAreUtf16Units()
    {
        var tokens = SharedSegmenter.Instance.Tokenize("😀中国人");
        Assert.Equal([("😀", 0, 2), ("中国", 2, 4), ("人", 4, 5)], tokens);
    }
}
