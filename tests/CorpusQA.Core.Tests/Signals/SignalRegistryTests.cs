using CorpusQA.Core.Rules;
using CorpusQA.Core.Signals;
using CorpusQA.Core.Tests.Documents;

namespace CorpusQA.Core.Tests.Signals;

public class SignalRegistryTests
{
    private static readonly SignalRegistry Registry = SignalRegistry.Default;

    [Fact]
    public void At_least_forty_signals_with_unique_snake_case_names()
    {
        Assert.True(Registry.Count >= 40, $"{Registry.Count} signals");
        var names = new HashSet<string>();
        foreach (var signal in Registry.Signals)
        {
            Assert.True(RuleJson.IsSnakeCase(signal.Name), $"'{signal.Name}' is not snake_case");
            Assert.True(names.Add(signal.Name), $"duplicate '{signal.Name}'");
            Assert.False(string.IsNullOrWhiteSpace(signal.Description), $"{signal.Name}: empty description");
            Assert.False(string.IsNullOrWhiteSpace(signal.Source), $"{signal.Name}: empty source");
            Assert.DoesNotContain('\n', signal.Description);
            Assert.Equal(Registry.Signals.ToList().IndexOf(signal), Registry.IndexOf(signal.Name));
        }
        Assert.Equal(-1, Registry.IndexOf("no_such_signal"));
    }

    [Fact]
    public void Every_family_is_covered()
    {
        foreach (var family in Enum.GetValues<SignalFamily>())
            Assert.Contains(Registry.Signals, s => s.Family == family);
    }

    [Fact]
    public void Values_are_finite_and_do_not_depend_on_what_was_analysed_before()
    {
        var analyzer = TestAnalyzers.Jieba();
        var inputs = new[] { "", " \n ", "。", "a", TestData.Seed("002"), "字", TestData.Seed("000") };
        var first = new List<double[]>();
        foreach (string text in inputs)
        {
            var values = new double[Registry.Count];
            Registry.ComputeAll(analyzer.Analyze(text), values);
            Assert.All(values, v => Assert.True(double.IsFinite(v)));
            first.Add(values);
        }
        // Same documents in reverse order through the same (reused) analyzer: identical values.
        for (int i = inputs.Length - 1; i >= 0; i--)
        {
            var values = new double[Registry.Count];
            Registry.ComputeAll(analyzer.Analyze(inputs[i]), values);
            Assert.Equal(first[i], values);
        }
    }

    [Fact]
    public void Steady_state_analysis_and_signals_allocate_nothing()
    {
        var analyzer = TestAnalyzers.Jieba();
        var values = new double[Registry.Count];
        string text = TestData.Seed("003");
        for (int i = 0; i < 3; i++) Registry.ComputeAll(analyzer.Analyze(text), values); // buffers grow, lexicons load
        long before = GC.GetAllocatedBytesForCurrentThread();
        Registry.ComputeAll(analyzer.Analyze(text), values);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Analyzers_on_parallel_threads_share_one_segmenter_and_agree_with_a_sequential_run()
    {
        var docs = TestData.DebianSample().Take(60).Select(d => d.Text).ToArray();
        var expected = new double[docs.Length][];
        var sequential = TestAnalyzers.Jieba();
        for (int i = 0; i < docs.Length; i++)
        {
            expected[i] = new double[Registry.Count];
            Registry.ComputeAll(sequential.Analyze(docs[i]), expected[i]);
        }
        var actual = new double[docs.Length][];
        Parallel.For(0, 4, worker =>
        {
            var analyzer = TestAnalyzers.Jieba(); // one analyzer per thread, shared segmenter
            for (int i = worker; i < docs.Length; i += 4)
            {
                actual[i] = new double[Registry.Count];
                Registry.ComputeAll(analyzer.Analyze(docs[i]), actual[i]);
            }
        });
        for (int i = 0; i < docs.Length; i++) Assert.Equal(expected[i], actual[i]);
    }

    [Fact]
    public void ComputeAll_rejects_a_short_value_span() =>
        Assert.Throws<ArgumentException>(() =>
            Registry.ComputeAll(TestAnalyzers.CharacterTokens().Analyze("字"), new double[Registry.Count - 1]));
}
