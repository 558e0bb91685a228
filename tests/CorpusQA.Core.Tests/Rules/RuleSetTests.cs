using CorpusQA.Core.Rules;
using CorpusQA.Core.Signals;

namespace CorpusQA.Core.Tests.Rules;

public class RuleSetTests
{
    private static readonly SignalRegistry Registry = SignalRegistry.Default;

    private static RuleSet Parse(string json) => RuleSet.Parse(json, "test.json", Registry);

    private static double[] Values(params (string Name, double Value)[] set)
    {
        var values = new double[Registry.Count];
        foreach (var (name, value) in set) values[Registry.IndexOf(name)] = value;
        return values;
    }

    [Fact]
    public void Default_rules_load_cite_their_sources_and_never_judge_script()
    {
        var rules = RuleSet.Default.Rules;
        Assert.NotEmpty(rules);
        foreach (var rule in rules)
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.Source));
            Assert.True(RuleJson.IsSnakeCase(rule.Reason));
            Assert.DoesNotContain(rule.Signal, new[] { "traditional_only_ratio", "simplified_only_ratio" });
        }
        Assert.Matches("^[0-9a-f]{64}$", RuleSet.Default.ConfigHash);
    }

    [Fact]
    public void Docs_rules_md_lists_every_default_rule()
    {
        string doc = File.ReadAllText(CorpusQA.Core.Tests.Documents.TestData.RepoPath("docs/rules.md"));
        foreach (var rule in RuleSet.Default.Rules)
        {
            string bound = rule.Bound == RuleBound.Min ? "≥" : "≤";
            string row = $"| `{rule.Signal}` | {bound} {rule.Threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)} | `{rule.Reason}` |";
            Assert.True(doc.Contains(row), $"docs/rules.md lacks the row {row}");
        }
    }

    [Fact]
    public void Evaluate_keeps_or_drops_with_ordered_unique_reasons()
    {
        var set = Parse("""
            {"rules": [
              {"signal": "han_count", "min": 10, "reason": "too_short", "source": "test"},
              {"signal": "dup_5gram_char_fraction", "max": 0.2, "reason": "dup_ngrams", "source": "test"},
              {"signal": "dup_6gram_char_fraction", "max": 0.2, "reason": "dup_ngrams", "source": "test"},
              {"signal": "mojibake_ratio", "max": 0.01, "reason": "mojibake", "source": "test"}
            ]}
            """);
        Assert.True(set.Evaluate(Values(("han_count", 10))).Keep); // bounds are inclusive
        var dropped = set.Evaluate(Values(("han_count", 3), ("dup_5gram_char_fraction", 0.3), ("dup_6gram_char_fraction", 0.5), ("mojibake_ratio", 0.5)));
        Assert.False(dropped.Keep);
        Assert.Equal(["too_short", "dup_ngrams", "mojibake"], dropped.DropReasons);
    }

    [Fact]
    public void Config_hash_ignores_layout_and_sources_but_not_thresholds()
    {
        var a = Parse("""{"rules":[{"signal":"han_count","min":200,"reason":"short","source":"A"}]}""");
        var b = Parse("""
            {
              // a comment
              "rules": [ { "source": "B", "reason": "short", "min": 200.0, "signal": "han_count" } ]
            }
            """);
        var c = Parse("""{"rules":[{"signal":"han_count","min":201,"reason":"short","source":"A"}]}""");
        Assert.Equal(a.ConfigHash, b.ConfigHash);
        Assert.NotEqual(a.ConfigHash, c.ConfigHash);
        Assert.Equal("""{"rules":[{"signal":"han_count","min":200,"reason":"short"}]}""", a.CanonicalJson());
    }

    [Theory]
    [InlineData("{\"rules\": [", "test.json: invalid JSON")]
    [InlineData("[]", "expected an object with a \"rules\" array")]
    [InlineData("{\"rules\":[{\"signal\":\"nope\",\"min\":1,\"reason\":\"r\",\"source\":\"s\"}]}", "rule 0: unknown signal \"nope\"")]
    [InlineData("{\"rules\":[{\"signal\":\"han_count\",\"min\":1,\"max\":2,\"reason\":\"r\",\"source\":\"s\"}]}", "exactly one of")]
    [InlineData("{\"rules\":[{\"signal\":\"han_count\",\"min\":\"1\",\"reason\":\"r\",\"source\":\"s\"}]}", "must be a finite number")]
    [InlineData("{\"rules\":[{\"signal\":\"han_count\",\"min\":1,\"reason\":\"Bad Reason\",\"source\":\"s\"}]}", "not snake_case")]
    [InlineData("{\"rules\":[{\"signal\":\"han_count\",\"min\":1,\"reason\":\"r\"}]}", "\"source\" must be a non-empty string")]
    [InlineData("{\"rules\":[{\"signal\":\"han_count\",\"min\":1,\"reason\":\"r\",\"source\":\"s\",\"mxa\":3}]}", "unknown property \"mxa\"")]
    public void Bad_configs_fail_with_one_line_messages(string json, string expected)
    {
        var error = Assert.Throws<RuleConfigException>(() => Parse(json));
        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.StartsWith("test.json", error.Message);
    }

    [Fact]
    public void Load_reads_a_file_and_reports_a_missing_one()
    {
        string path = Path.Combine(Path.GetTempPath(), $"corpusqa-rules-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, RuleSet.Default.CanonicalJson().Replace("\"reason\":", "\"source\":\"x\",\"reason\":"));
        try
        {
            Assert.Equal(RuleSet.Default.ConfigHash, RuleSet.Load(path).ConfigHash);
        }
        finally
        {
            File.Delete(path);
        }
        var error = Assert.Throws<RuleConfigException>(() => RuleSet.Load(path));
        Assert.StartsWith(path, error.Message);
    }
}
