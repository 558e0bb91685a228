using System.Text.Json;

namespace CorpusQA.Cli.Tests;

public class SegmentCommandTests
{
    [Fact]
    public async Task SegmentsTheSeedsInInputOrderAndTheTokensRebuildTheText()
    {
        using var tmp = new TempDir();
        string output = tmp.File("tokens.jsonl");
        var run = await CliRunner.RunAsync("segment", CliRunner.Seeds, "-o", output, "--threads", "2");
        Assert.Equal(0, run.ExitCode);

        var inputs = File.ReadLines(CliRunner.Seeds).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var lines = File.ReadAllLines(output);
        Assert.Equal(inputs.Count, lines.Length);
        for (int i = 0; i < lines.Length; i++)
        {
            var line = JsonDocument.Parse(lines[i]).RootElement;
            Assert.Equal(inputs[i].GetProperty("id").GetString(), line.GetProperty("id").GetString());
            var tokens = line.GetProperty("tokens").EnumerateArray().Select(t => t.GetString()).ToList();
            Assert.True(tokens.Count > 100);
            Assert.Equal(inputs[i].GetProperty("text").GetString(), string.Concat(tokens));
        }
    }

    [Fact]
    public async Task OutputIsIdenticalWhateverTheThreadCount()
    {
        using var tmp = new TempDir();
        var one = await CliRunner.RunAsync("segment", CliRunner.Seeds, "-o", tmp.File("1.jsonl"), "--threads", "1", "--mode", "search");
        var four = await CliRunner.RunAsync("segment", CliRunner.Seeds, "-o", tmp.File("4.jsonl"), "--threads", "4", "--mode", "search");
        Assert.Equal(0, one.ExitCode);
        Assert.Equal(0, four.ExitCode);
        Assert.Equal(File.ReadAllBytes(tmp.File("1.jsonl")), File.ReadAllBytes(tmp.File("4.jsonl")));
    }

    [Fact]
    public async Task ADocumentWithoutIdGetsItsRowNumberAndAUserDictionaryIsHonoured()
    {
        using var tmp = new TempDir();
        File.WriteAllText(tmp.File("in.jsonl"), "{\"text\":\"大炼模型词条\"}\n{\"text\":\"钢铁\"}\n");
        File.WriteAllText(tmp.File("user.txt"), "大炼模型词条 10000 n\n");
        var run = await CliRunner.RunAsync("segment", tmp.File("in.jsonl"), "-o", tmp.File("out.jsonl"), "--user-dict", tmp.File("user.txt"));
        Assert.Equal(0, run.ExitCode);
        var lines = File.ReadAllLines(tmp.File("out.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal("0", lines[0].GetProperty("id").GetString());
        Assert.Equal("1", lines[1].GetProperty("id").GetString());
        Assert.Equal(["大炼模型词条"], lines[0].GetProperty("tokens").EnumerateArray().Select(t => t.GetString()!));
    }

    [Fact]
    public async Task InvalidJsonStopsWithOneLineNamingFileAndRowAndKeepsWhatWasProcessedAsPartial()
    {
        using var tmp = new TempDir();
        File.WriteAllText(tmp.File("bad.jsonl"), "{\"text\":\"你好\"}\n{\"text\": oops}\n");
        var run = await CliRunner.RunAsync("segment", tmp.File("bad.jsonl"), "-o", tmp.File("out.jsonl"));
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        var message = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("corpusqa: error:"));
        Assert.Contains("bad.jsonl", message);
        Assert.Contains("row 1", message);
        Assert.DoesNotContain("   at ", run.Error); // no stack trace
        Assert.False(File.Exists(tmp.File("out.jsonl"))); // nothing incomplete under the final name
        var partial = File.ReadAllLines(tmp.File("out.partial.jsonl"));
        Assert.Contains("你好", Assert.Single(partial));
    }

    [Fact]
    public async Task AMissingFileAndAnUnknownModeAreReportedWithTheirExitCodes()
    {
        var missing = await CliRunner.RunAsync("segment", "/nonexistent/nothing.jsonl");
        Assert.Equal(ExitCodes.BadInput, missing.ExitCode);
        Assert.Contains("/nonexistent/nothing.jsonl", missing.Error);

        var usage = await CliRunner.RunAsync("segment", CliRunner.Seeds, "--mode", "fast");
        Assert.Equal(ExitCodes.Usage, usage.ExitCode);
    }

    [Fact]
    public async Task HelpListsTheExitCodes()
    {
        var run = await CliRunner.RunAsync("--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Exit codes", run.Out);
    }
}
