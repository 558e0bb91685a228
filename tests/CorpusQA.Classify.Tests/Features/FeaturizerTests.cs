using CorpusQA.Classify.Features;
using CorpusQA.Classify.Kernels;
using CorpusQA.Core.Documents;
using CorpusQA.Core.Signals;

namespace CorpusQA.Classify.Tests.Features;

public class FeaturizerTests
{
    private static readonly SignalRegistry Registry = SignalRegistry.Default;

    private static (int[] Indices, float[] Values) Features(Featurizer featurizer, string text)
    {
        var analyzer = new DocumentAnalyzer(TestCorpus.Segmenter);
        var view = analyzer.Analyze(text);
        var values = new double[Registry.Count];
        Registry.ComputeAll(view, values);
        var buffer = featurizer.CreateBuffer();
        featurizer.Featurize(view, values, buffer);
        return (buffer.Indices.AsSpan(0, buffer.Count).ToArray(), buffer.Values.AsSpan(0, buffer.Count).ToArray());
    }

    [Fact]
    public void IndicesAscendWithinTheDimensionAndEachGroupHasUnitNorm()
    {
        var featurizer = new Featurizer(TestCorpus.Settings([new SignalScaling("han_ratio", false, 0.5, 0.25)]), Registry);
        var (indices, values) = Features(featurizer, string.Concat(TestCorpus.Sentences));
        for (int i = 1; i < indices.Length; i++) Assert.True(indices[i] > indices[i - 1]);
        Assert.InRange(indices[^1], 0, featurizer.Dimension - 1);
        double words = 0, chars = 0;
        for (int i = 0; i < indices.Length; i++)
        {
            if (indices[i] >= featurizer.CharOffset) chars += values[i] * values[i];
            else if (indices[i] >= featurizer.WordOffset) words += values[i] * values[i];
        }
        Assert.Equal(1, words, 4);
        Assert.Equal(1, chars, 4);
    }

    [Fact]
    public void SignalsAreScaledAndClamped()
    {
        var featurizer = new Featurizer(TestCorpus.Settings([new SignalScaling("han_ratio", false, 0.5, 0.25), new SignalScaling("char_count", true, 0, 0.01)]), Registry);
        var (indices, values) = Features(featurizer, "全部是中文字符");
        Assert.Equal(0, indices[0]);
        Assert.Equal((1.0 - 0.5) / 0.25, values[0], 4);           // han_ratio 1
        Assert.Equal(SignalScaler.Clamp, values[1]);              // ln(8) / 0.01 is past the clamp
    }

    [Fact]
    public void LongTextsCountEveryCharacterNGramOnceAcrossChunks()
    {
        // A text over the 4,096-character chunk: the chunked counts must equal one pass of the reference.
        var settings = TestCorpus.Settings([]) with { WordUnigrams = false, WordBigrams = false, ScriptShares = false, CharCaseFold = false };
        var featurizer = new Featurizer(settings, Registry);
        string text = string.Concat(Enumerable.Repeat(string.Concat(TestCorpus.Sentences), 40));
        Assert.True(text.Length > 2 * Featurizer.ChunkSize);
        var (indices, values) = Features(featurizer, text);

        var counts = new Dictionary<int, int>();
        var buckets = new int[text.Length];
        for (int n = 1; n <= 3; n++)
        {
            int c = CharNGramHashReference.Hash(text, n, settings.CharBits, buckets);
            for (int i = 0; i < c; i++) counts[buckets[i]] = counts.GetValueOrDefault(buckets[i]) + 1;
        }
        Assert.Equal(counts.Keys.Order().Select(b => b + featurizer.CharOffset).ToArray(), indices);
        double norm = Math.Sqrt(counts.Values.Sum(c => Math.Pow(1 + Math.Log(c), 2)));
        var expected = counts.OrderBy(p => p.Key).Select(p => (float)((1 + Math.Log(p.Value)) / norm)).ToArray();
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], values[i], 4);
    }

    [Fact]
    public void CharacterNGramsIgnoreCase()
    {
        var featurizer = new Featurizer(TestCorpus.Settings([]) with { WordUnigrams = false, WordBigrams = false, ScriptShares = false }, Registry);
        Assert.Equal(Features(featurizer, "EXIT STATUS Ärger").Indices, Features(featurizer, "exit status ärger").Indices);
    }

    [Fact]
    public void TheSameDocumentGivesTheSameFeaturesWithAReusedBuffer()
    {
        var featurizer = new Featurizer(TestCorpus.Settings([]), Registry);
        var first = Features(featurizer, TestCorpus.Sentences[0]);
        var analyzer = new DocumentAnalyzer(TestCorpus.Segmenter);
        var buffer = featurizer.CreateBuffer();
        var values = new double[Registry.Count];
        foreach (var other in TestCorpus.Sentences.Skip(1)) featurizer.Featurize(analyzer.Analyze(other), values, buffer);
        var view = analyzer.Analyze(TestCorpus.Sentences[0]);
        Registry.ComputeAll(view, values);
        featurizer.Featurize(view, values, buffer);
        Assert.Equal(first.Indices, buffer.Indices.AsSpan(0, buffer.Count).ToArray());
        Assert.Equal(first.Values, buffer.Values.AsSpan(0, buffer.Count).ToArray());
    }

    [Fact]
    public void ScriptSharesSeparateMixedFromPureText()
    {
        var pure = new float[ScriptShares.Count];
        var mixed = new float[ScriptShares.Count];
        ScriptShares.Compute("这是一段中文文本，只有中文。", pure);
        ScriptShares.Compute("这是一段中文 and this is English text", mixed);
        Assert.Equal(1f, pure[0]);              // Han share of letters
        Assert.Equal(1f, pure[1 + 9]);          // ... in the top tenth
        Assert.InRange(mixed[0], 0.2f, 0.4f);
        Assert.InRange(mixed[3 * 11], 0.6f, 0.8f); // Latin share
        Assert.Equal(0.8f, mixed[12 * 11], 4);  // and, this, is, text are English stopwords; "english" is not
        Assert.Equal(1f, mixed[12 * 11 + 1 + 8]);
    }
}
