using System.Text.Json.Nodes;

namespace CorpusQA.Cli.Tests;

public class CalibrateCommandTests
{
    [Fact]
    public async Task CalibratedRulesDropAtMostTheBudgetAndAuditReadsThem()
    {
        using var tmp = new TempDir();
        string sample = Path.Combine(CliRunner.RepoRoot, "corpora", "debian-docs", "sample.jsonl.gz");
        var run = await CliRunner.RunAsync("calibrate", sample, "--against", CliRunner.Seeds, "--drop-budget", "0.01",
            "--out", tmp.File("rules.json"), "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        var report = JsonNode.Parse(run.Out)!;
        Assert.Equal(400, report["reference_documents"]!.GetValue<int>());
        Assert.Equal(5, report["defective_documents"]!.GetValue<int>());
        foreach (var rule in report["rules"]!.AsArray())
            Assert.True(rule!["reference_dropped"]!.GetValue<double>() <= 0.01, rule.ToJsonString());
        Assert.Contains("char_perplexity", run.Out);

        var audit = await CliRunner.RunAsync("audit", sample, "--config", tmp.File("rules.json"), "--no-model", "--no-dedup", "--out", tmp.File("audit"));
        Assert.True(audit.ExitCode == 0, audit.Error);
        Assert.Contains("calibrated on sample.jsonl.gz (400 documents)", File.ReadAllText(tmp.File("rules.json")));
    }

    [Fact]
    public async Task GroupFieldChecksEachRuleLeaveOneGroupOut()
    {
        using var tmp = new TempDir();
        string sample = Path.Combine(CliRunner.RepoRoot, "corpora", "debian-docs", "sample.jsonl.gz");
        var run = await CliRunner.RunAsync("calibrate", sample, "--group-field", "source", "--drop-budget", "0.01",
            "--out", tmp.File("rules.json"), "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        var holdout = JsonNode.Parse(run.Out)!["holdout"]!;
        Assert.Equal("source", holdout["group_field"]!.GetValue<string>());
        Assert.True(holdout["groups"]!.GetValue<int>() >= 5);
        foreach (var rule in holdout["rules"]!.AsArray())
        {
            double held = rule!["held_out_dropped"]!.GetValue<double>(), worst = rule["worst_group_dropped"]!.GetValue<double>();
            Assert.InRange(held, 0.0, 1.0);
            Assert.InRange(worst, held, 1.0); // the worst group loses at least the pooled share
        }
        // The same thresholds are written as without the check: it only reports.
        var plain = await CliRunner.RunAsync("calibrate", sample, "--drop-budget", "0.01", "--out", tmp.File("plain.json"));
        Assert.True(plain.ExitCode == 0, plain.Error);
        Assert.Equal(File.ReadAllText(tmp.File("plain.json")), File.ReadAllText(tmp.File("rules.json")));

        var table = await CliRunner.RunAsync("calibrate", sample, "--group-field", "source", "--out", tmp.File("t.json"));
        Assert.Contains("leave-one-group-out", table.Out);
        File.WriteAllText(tmp.File("one.jsonl"), "{\"text\": \"我们使用软件。\", \"site\": \"a\"}\n{\"text\": \"今天天气很好。\", \"site\": \"a\"}\n");
        var one = await CliRunner.RunAsync("calibrate", tmp.File("one.jsonl"), "--group-field", "site", "--out", tmp.File("o.json"));
        Assert.Equal(2, one.ExitCode);
        Assert.Equal("corpusqa: --group-field site: the reference has only one group; leave-one-group-out needs two or more",
            one.Error.Trim().Split('\n')[^1]);
        // A field unique per document: at most 100 held-out groups, the smallest pooled.
        var perRow = await CliRunner.RunAsync("calibrate", sample, "--group-field", "id", "--out", tmp.File("r.json"), "--json");
        Assert.True(perRow.ExitCode == 0, perRow.Error);
        Assert.Equal(100, JsonNode.Parse(perRow.Out)!["holdout"]!["groups"]!.GetValue<int>());
        Assert.Contains("the 99 largest are held out one at a time, the other 301 together as \"(other)\"", perRow.Error);
        var missing = await CliRunner.RunAsync("calibrate", tmp.File("one.jsonl"), "--group-field", "nope", "--out", tmp.File("o.json"));
        Assert.Equal(3, missing.ExitCode);
        Assert.Contains("no group field 'nope'", missing.Error.Trim().Split('\n')[^1]);
        Assert.DoesNotContain("   at ", missing.Error);
    }

    [Fact]
    public async Task UnknownPresetIsOneLineWithExitCode3()
    {
        var run = await CliRunner.RunAsync("audit", CliRunner.Seeds, "--config", "preset:nope", "--out", Path.GetTempPath());
        Assert.Equal(3, run.ExitCode);
        Assert.Equal("corpusqa: error: preset:nope: unknown preset (presets: chinesewebtext, fineweb2-cmn)", run.Error.Trim());
    }
}
