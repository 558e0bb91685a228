using CorpusQA.Core.Rules;
using CorpusQA.Core.Signals;

namespace CorpusQA.Core.Tests.Rules;

public class RuleCalibrationTests
{
    [Fact]
    public void ThresholdsDropAtMostTheBudget()
    {
        var values = Enumerable.Range(1, 100).Select(i => (double)i).ToList();
        Assert.Equal(98, RuleCalibration.Threshold(values, RuleBound.Max, 0.02));   // 99 and 100 are above it
        Assert.Equal(3, RuleCalibration.Threshold(values, RuleBound.Min, 0.02));    // 1 and 2 are below it
        Assert.Equal(100, RuleCalibration.Threshold(values, RuleBound.Max, 0));
        Assert.Equal(1, RuleCalibration.Threshold(values, RuleBound.Min, 0));
        var ties = Enumerable.Repeat(5.0, 50).Concat(Enumerable.Repeat(9.0, 50)).ToList();
        Assert.Equal(9, RuleCalibration.Threshold(ties, RuleBound.Max, 0.1));        // never cuts into a tie it cannot drop whole
    }

    [Fact]
    public void CalibratedRulesDropAtMostTheBudgetOfTheReferenceAndSaySo()
    {
        var registry = SignalRegistry.Default;
        var random = new Random(3);
        var reference = Enumerable.Range(0, 500).Select(_ => Enumerable.Range(0, registry.Count).Select(_ => random.NextDouble() * 10).ToArray()).ToList();
        var template = RuleSet.From(
        [
            new QualityRule("han_ratio", RuleBound.Min, 0, "low_han_ratio", "template"),
            new QualityRule("dup_line_fraction", RuleBound.Max, 0, "duplicate_lines", "template"),
        ]);
        var calibrated = RuleCalibration.Calibrate(template, reference, 0.02, "ref.jsonl");
        foreach (var effect in RuleCalibration.Effects(calibrated, reference, defective: null))
            Assert.InRange(effect.ReferenceDropped, 0.0, 0.02);
        Assert.All(calibrated.Rules, r => Assert.Contains("calibrated on ref.jsonl (500 documents)", r.Source));
        var reloaded = RuleSet.Parse(calibrated.ToJson(), "calibrated.json", registry);
        Assert.Equal(calibrated.ConfigHash, reloaded.ConfigHash);
        Assert.Equal(calibrated.Rules.Select(r => r.Threshold), reloaded.Rules.Select(r => r.Threshold));
    }

    [Fact]
    public void LeaveOneGroupOutShowsAThresholdThatDoesNotCarryOver()
    {
        var registry = SignalRegistry.Default;
        int han = registry.IndexOf("han_count");
        var random = new Random(5);
        var reference = new List<double[]>();
        var groups = new List<string>();
        void Add(string group, int count, int low, int high)
        {
            for (int i = 0; i < count; i++)
            {
                var v = new double[registry.Count];
                v[han] = random.Next(low, high);
                reference.Add(v);
                groups.Add(group);
            }
        }
        Add("docs", 200, 200, 400);
        Add("news", 200, 150, 350);
        Add("poems", 20, 20, 60); // short texts: a source the other two do not prepare the threshold for
        var template = RuleSet.From([new QualityRule("han_count", RuleBound.Min, 0, "too_few_han_chars", "template")]);
        var report = RuleCalibration.LeaveOneGroupOut(template, reference, groups, 0.01);
        Assert.Equal(3, report.Groups);
        var rule = Assert.Single(report.Rules);
        Assert.Equal("poems", rule.WorstGroup);
        Assert.Equal(1.0, rule.WorstGroupDropped); // calibrated on docs + news, every poem is below the bound
        Assert.InRange(rule.HeldOutDropped, 20 / 420.0, (20 + 8) / 420.0);
        Assert.Equal(rule.HeldOutDropped, report.AllRulesHeldOutDropped);
        // Pooled, the same rule drops at most the budget: only the held-out view shows the problem.
        Assert.InRange(RuleCalibration.DroppedShare(RuleCalibration.Calibrate(template, reference, 0.01, "all").Rules[0], reference), 0, 0.01);
        Assert.Throws<ArgumentException>(() => RuleCalibration.LeaveOneGroupOut(template, reference, [.. groups.Select(_ => "one")], 0.01));
    }

    [Fact]
    public void PresetsLoadAndAnUnknownPresetIsOneLine()
    {
        foreach (var name in RuleSet.Presets) Assert.NotEmpty(RuleSet.Load("preset:" + name).Rules);
        Assert.All(RuleSet.Load("preset:chinesewebtext").Rules, r => Assert.Contains("ChineseWebText", r.Source));
        var ex = Assert.Throws<RuleConfigException>(() => RuleSet.Load("preset:nope"));
        Assert.Equal("preset:nope: unknown preset (presets: chinesewebtext, fineweb2-cmn)", ex.Message);
    }
}
