using CorpusQA.Core.Dedup;
using CorpusQA.Segmentation;

namespace CorpusQA.Core.Tests.Dedup;

public class MinHashSignerTests
{
    private static readonly DedupOptions Defaults = new();

    private static double Agreement(DocumentSignature a, DocumentSignature b) =>
        (double)a.MinHashes.Zip(b.MinHashes).Count(p => p.First == p.Second) / a.MinHashes.Length;

    [Fact]
    public void EqualOptionsGiveEqualSignaturesAndSeedsDiffer()
    {
        string text = DedupTestData.Sample[3];
        var a = new MinHashSigner(Defaults).Sign(0, text);
        var b = new MinHashSigner(Defaults).Sign(0, text);
        var c = new MinHashSigner(Defaults with { Seed = 2 }).Sign(0, text);
        Assert.Equal(a.MinHashes, b.MinHashes);
        Assert.Equal(a.ExactHash, b.ExactHash);
        Assert.True(Agreement(a, c) < 0.2);
        Assert.Equal(SignatureKind.Shingled, a.Kind);
    }

    [Fact]
    public void WhitespaceAndWidthVariantsHashExactlyEqual()
    {
        var signer = new MinHashSigner(Defaults);
        var a = signer.Sign(0, "软件包管理，使用 apt-get 安装。");
        var b = signer.Sign(1, "  软件包管理,使用\n\napt-get　安装.  ");
        Assert.Equal(a.ExactHash, b.ExactHash);
        Assert.Equal(a.MinHashes, b.MinHashes);
    }

    [Fact]
    public void ShortTextIsOneWholeTextShingleAndEmptyHasNoSignature()
    {
        var signer = new MinHashSigner(Defaults);
        var shortA = signer.Sign(0, "你好");
        var shortB = signer.Sign(1, "再见");
        var empty = signer.Sign(2, " \n ");
        Assert.Equal(SignatureKind.WholeTextShingle, shortA.Kind);
        Assert.Equal(SignatureKind.WholeTextShingle, shortB.Kind);
        Assert.Equal(0, Agreement(shortA, shortB));
        Assert.DoesNotContain(uint.MaxValue, shortA.MinHashes);
        Assert.Equal(SignatureKind.Empty, empty.Kind);
        Assert.Equal(0, empty.NormalizedLength);
        Assert.Equal(SignatureKind.Shingled, signer.Sign(3, "一二三四五").Kind);
    }

    [Fact]
    public void WordShinglesUseTheGivenTokens()
    {
        var options = Defaults with { Shingle = ShingleUnit.Word, NGram = 2 };
        var signer = new MinHashSigner(options);
        const string text = "我们 喜欢 机器 学习";
        TokenSpan[] words = [new(0, 2), new(2, 1), new(3, 2), new(5, 1), new(6, 2), new(8, 1), new(9, 2)];
        var a = signer.Sign(0, text, words);
        // Same words, different spacing: whitespace tokens are skipped, so the signature is equal.
        const string spaced = "我们  喜欢 机器 学习";
        TokenSpan[] spacedWords = [new(0, 2), new(2, 2), new(4, 2), new(6, 1), new(7, 2), new(9, 1), new(10, 2)];
        var b = signer.Sign(1, spaced, spacedWords);
        Assert.Equal(a.MinHashes, b.MinHashes);
        // Regrouping the same characters into other words changes the shingles.
        TokenSpan[] other = [new(0, 1), new(1, 1), new(2, 1), new(3, 1), new(4, 1), new(5, 1), new(6, 1), new(7, 1), new(8, 1), new(9, 1), new(10, 1)];
        Assert.NotEqual(a.MinHashes, signer.Sign(2, text, other).MinHashes);
        Assert.Equal(SignatureKind.WholeTextShingle, signer.Sign(3, "我们", [new(0, 2)]).Kind);
        Assert.Throws<ArgumentException>(() => signer.Sign(4, text, ReadOnlySpan<TokenSpan>.Empty));
        Assert.Throws<ArgumentOutOfRangeException>(() => signer.Sign(5, "ab", [new(1, 5)]));
    }

    [Fact]
    public void EstimatesAgreeWithBruteForceJaccardWithinThreeSigma()
    {
        var signer = new MinHashSigner(Defaults);
        var random = new Random(20261123);
        var zs = new List<double>();
        foreach (string original in DedupTestData.Sample.Where(t => t.Length > 400).Take(120))
        {
            double rate = random.NextDouble() * 0.3;
            string edited = DedupEdits.Substitute(original, rate, random);
            string na = signer.Normalizer.Normalize(original), nb = signer.Normalizer.Normalize(edited);
            double truth = ShingleJaccard.OfCharNGrams(na, nb, 5);
            if (truth is < 0.05 or > 0.95)
                continue;
            double estimate = Agreement(signer.Sign(0, original), signer.Sign(1, edited));
            double sigma = Math.Sqrt(truth * (1 - truth) / Defaults.NumPerm);
            zs.Add((estimate - truth) / sigma);
        }
        Assert.True(zs.Count >= 60, $"only {zs.Count} pairs in range");
        int outside = zs.Count(z => Math.Abs(z) > 3);
        double meanSquare = zs.Average(z => z * z);
        double mean = zs.Average();
        Assert.True(outside <= 2, $"{outside} of {zs.Count} estimates beyond 3 sigma");
        // The permutations behave like independent ones: the z-scores have variance about 1 and no bias.
        Assert.InRange(meanSquare, 0.5, 1.6);
        Assert.InRange(mean, -0.4, 0.4);
    }
}
