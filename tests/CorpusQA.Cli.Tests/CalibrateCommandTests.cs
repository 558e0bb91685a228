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
    public async Task UnknownPresetIsOneLineWithExitCode3()
    {
        var run = await CliRunner.RunAsync("audit", CliRunner.Seeds, "--config", "preset:nope", "--out", Path.GetTempPath());
        Assert.Equal(3, run.ExitCode);
        Assert.Equal("corpusqa: error: preset:nope: unknown preset (presets: chinesewebtext, fineweb2-cmn)", run.Error.Trim());
    }
}
