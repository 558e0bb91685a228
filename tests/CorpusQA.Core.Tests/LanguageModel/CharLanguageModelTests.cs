using CorpusQA.Core.LanguageModel;
using CorpusQA.Core.Tests.Documents;

namespace CorpusQA.Core.Tests.LanguageModel;

public class CharLanguageModelTests
{
    /// <summary>A small real corpus: the first lines of seed 000 train, the rest (and hostile lines) are scored.</summary>
    private static (string[] Train, string[] Held) SmallCorpus()
    {
        var lines = TestData.Seed("000").Split('\n').Select(Normalize).Where(l => l.Length > 0).ToArray();
        var train = new List<string>();
        int chars = 0;
        int i = 0;
        for (; i < lines.Length && chars < 1800; i++)
        {
            train.Add(lines[i]);
            chars += lines[i].Length;
        }

        var held = lines.Skip(i).Take(6).Concat(train.Take(2)).Append("完全没有见过的字：龘靐齉爩").Append("a").ToArray();
        return ([.. train], held);
    }

    private static string Normalize(string line)
    {
        var buffer = new char[line.Length];
        return new string(buffer, 0, LmText.NormalizeLine(line, buffer));
    }

    private static CharLanguageModel Train(IEnumerable<string> lines, int order, LmValueEncoding encoding)
    {
        var trainer = new CharLmTrainer(order);
        foreach (var line in lines) trainer.AddLine(line);
        return CharLanguageModel.FromBytes(trainer.Build(new CharLmBuildOptions { Encoding = encoding }));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void Exact_model_equals_the_reference_implementation(int order)
    {
        var (train, held) = SmallCorpus();
        var reference = new ReferenceKneserNey(train, order);
        using var model = Train(train, order, LmValueEncoding.Float64);
        foreach (var line in held)
        {
            double expected = reference.Log10Line(line);
            double actual = model.ScoreNormalizedLine(line).Log10Prob;
            Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"order {order}, '{line}': reference {expected:R}, model {actual:R}");
        }
    }

    [Fact]
    public void Quantized_model_is_within_the_stated_error()
    {
        var (train, held) = SmallCorpus();
        using var exact = Train(train, 5, LmValueEncoding.Float64);
        using var quantized = Train(train, 5, LmValueEncoding.Quantized16);
        double step = quantized.Orders.Max(o => Math.Max(o.ProbStep, o.BackoffStep));
        foreach (var line in held)
        {
            var e = exact.ScoreNormalizedLine(line);
            var q = quantized.ScoreNormalizedLine(line);
            // Each token adds one probability and at most order − 1 backoffs, each off by at most half a step.
            double bound = e.Tokens * 5 * step / 2 + 1e-9;
            Assert.True(Math.Abs(e.Log10Prob - q.Log10Prob) <= bound, $"'{line}': {e.Log10Prob} vs {q.Log10Prob}, bound {bound}");
        }
    }

    [Fact]
    public void Raw_line_scoring_normalizes_like_training()
    {
        var model = CharLanguageModel.Default;
        string raw = "  伺服器的  軟體 2024 年\t更新了。 ";
        Assert.Equal(model.ScoreNormalizedLine(Normalize(raw)), model.ScoreLine(raw));
        Assert.Equal("伺服器的 软体 0000 年 更新了。", Normalize(raw));
    }

    [Theory]
    [InlineData("  伺服器的  軟體 2024 年\t更新了。 ")]
    [InlineData("abc")]
    [InlineData(" a  b ")]
    [InlineData("   ")]
    [InlineData("")]
    [InlineData("\u3000全角空格\u3000 混合 ")]
    public void The_scored_tokens_are_the_normalized_line(string raw)
    {
        // The scorer and its prefetching lookahead walk one token sequence; it must be what training counts
        // (normalized characters, then </s>; nothing for a blank line).
        var expected = Normalize(raw).Select(c => (int)c).ToList();
        if (expected.Count > 0) expected.Add(LmText.SentenceEnd);
        Assert.Equal(expected, CharLanguageModel.LineTokenSequence(raw));
    }

    [Fact]
    public void A_peek_gives_the_query_result_and_leaves_the_state()
    {
        var model = CharLanguageModel.Default;
        var state = model.BeginLine();
        foreach (char c in "今天的天气")
        {
            var before = state;
            double peeked = model.PeekLog10Prob(ref state, '很', out double peekedUnigram);
            var copy = state;
            Assert.Equal(model.Log10Prob(ref copy, '很', out double unigram), peeked);
            Assert.Equal(unigram, peekedUnigram);
            Assert.Equal(before.Length, state.Length);
            Assert.Equal(before.History[0], state.History[0]);
            Assert.Equal(before.Backoffs[0], state.Backoffs[0]);
            model.Log10Prob(ref state, c);
        }
    }

    [Fact]
    public void Training_is_deterministic()
    {
        var (train, _) = SmallCorpus();
        byte[] Build()
        {
            var trainer = new CharLmTrainer(5);
            foreach (var line in train) trainer.AddLine(line);
            return trainer.Build();
        }

        Assert.Equal(Build(), Build());
    }

    [Fact]
    public void Queries_do_not_allocate()
    {
        var model = CharLanguageModel.Default;
        string text = TestData.Seed("002");
        // Several warm-up passes let tiered compilation finish promoting the scoring methods, whose one-time runtime
        // bookkeeping (2,984 bytes once in a scalar-mode CI run after 1 pass) is not the steady state measured below.
        for (int pass = 0; pass < 50; pass++) model.ScoreText(text);
        long before = GC.GetAllocatedBytesForCurrentThread();
        double sum = 0;
        for (int i = 0; i < 20; i++) sum += model.ScoreText(text).Log10Prob;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(sum < 0);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Memory_mapped_file_scores_like_the_bytes()
    {
        var (train, held) = SmallCorpus();
        var trainer = new CharLmTrainer(4);
        foreach (var line in train) trainer.AddLine(line);
        byte[] bytes = trainer.Build();
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, bytes);
            using var mapped = CharLanguageModel.Open(path);
            using var copy = CharLanguageModel.FromBytes(bytes);
            foreach (var line in held) Assert.Equal(copy.ScoreNormalizedLine(line), mapped.ScoreNormalizedLine(line));
            Assert.Equal(trainer.TrainingDataHash, mapped.Header.TrainingDataHash);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
