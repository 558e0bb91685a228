using CorpusQA.Core.Rules;
using CorpusQA.Core.Signals;
using CorpusQA.Core.Tests.Documents;
using Xunit.Abstractions;

namespace CorpusQA.Core.Tests.Rules;

/// <summary>
/// Sanity check of the default rules on real, human-written Chinese documentation (not web text): the rules are
/// web-text filters, so man pages and lists may go, but most documents must stay. Thresholds are not tuned here.
/// </summary>
public class DebianSampleTests(ITestOutputHelper output)
{
    [Fact]
    public void Default_rules_keep_most_of_the_debian_docs_sample()
    {
        var analyzer = TestAnalyzers.Jieba();
        var registry = SignalRegistry.Default;
        var values = new double[registry.Count];
        var docs = TestData.DebianSample();
        int kept = 0;
        int traditional = registry.IndexOf("traditional_only_ratio"), simplified = registry.IndexOf("simplified_only_ratio");
        int[] byScript = new int[2], keptByScript = new int[2];
        var reasons = new SortedDictionary<string, int>();
        foreach (var (_, text) in docs)
        {
            registry.ComputeAll(analyzer.Analyze(text), values);
            var evaluation = RuleSet.Default.Evaluate(values);
            int script = values[traditional] > values[simplified] ? 1 : 0;
            byScript[script]++;
            if (evaluation.Keep) { kept++; keptByScript[script]++; }
            foreach (string reason in evaluation.DropReasons) reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
        }
        double fraction = (double)kept / docs.Count;
        output.WriteLine($"kept {kept}/{docs.Count} = {fraction:P1}");
        foreach (var (reason, count) in reasons) output.WriteLine($"  {reason}: {count}");
        double simplifiedKept = (double)keptByScript[0] / byScript[0], traditionalKept = (double)keptByScript[1] / byScript[1];
        output.WriteLine($"Simplified-majority kept {simplifiedKept:P1} of {byScript[0]}, Traditional-majority {traditionalKept:P1} of {byScript[1]}");
        Assert.Equal(400, docs.Count);
        Assert.True(fraction > 0.5, $"default rules keep only {fraction:P1} of the Debian docs sample");
        // The same kind of documents in the other script must not fare clearly worse.
        Assert.True(traditionalKept > simplifiedKept - 0.1, $"Traditional {traditionalKept:P1} vs Simplified {simplifiedKept:P1}");
    }
}
