using System.Text.Json;

namespace CorpusQA.Cli.Tests;

/// <summary>Issue 10, points 9 and 10: exit codes and the lines a user reads.</summary>
public class ExitCodeAndMessageTests
{
    [Fact]
    public async Task AnOptionConflictIsAUsageError()
    {
        using var tmp = new TempDir();
        File.WriteAllBytes(tmp.File("x.parquet"), [0x50, 0x41, 0x52, 0x31]); // never read: the options already conflict

        var run = await CliRunner.RunAsync("filter", tmp.File("x.parquet"), "--output-format", "jsonl", "--out", tmp.File("out"));

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("corpusqa: --output-format jsonl does not apply to Parquet inputs", run.Error);
    }

    [Fact]
    public async Task ABadFirstRowStopsWithTheErrorLastAndNoTableOfZeros()
    {
        using var tmp = new TempDir();
        File.WriteAllText(tmp.File("bad.jsonl"), "{\"id\":\"b\", \"text\": bad}\n");

        var run = await CliRunner.RunAsync("audit", tmp.File("bad.jsonl"), "--out", tmp.File("out"), "--no-model");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        string[] lines = run.Error.TrimEnd().Split('\n');
        Assert.Equal($"corpusqa: error: {tmp.File("bad.jsonl")}: row 0: invalid JSON at byte 19 of the line: 'b' is an invalid start of a value.", lines[^1]);
        Assert.DoesNotContain("summary", run.Error.Replace("summary.partial.json", ""));
        Assert.Contains("corpusqa: no document was read before the error", run.Error);
    }

    [Fact]
    public async Task AnUnknownCommandPrintsOneError()
    {
        var run = await CliRunner.RunAsync("bogus");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal(["corpusqa: Unrecognized command or argument 'bogus'.", "Run 'corpusqa --help' (or 'corpusqa COMMAND --help') for usage."],
            run.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task DuplicateIdsAreCountedInTheSummaryAndWarnedOnce()
    {
        using var tmp = new TempDir();
        File.WriteAllText(tmp.File("a.jsonl"), "{\"id\":\"x\",\"text\":\"今天天气很好，我们去公园散步吧。\"}\n{\"id\":\"y\",\"text\":\"明天会下雨吗？\"}\n");
        File.WriteAllText(tmp.File("b.jsonl"), "{\"id\":\"x\",\"text\":\"这是另一篇文章。\"}\n{\"text\":\"没有编号的文章。\"}\n");
        File.WriteAllText(tmp.File("c.jsonl"), "{\"text\":\"也没有编号。\"}\n"); // row-index ids ("0" twice) are not duplicates

        var run = await CliRunner.RunAsync("audit", tmp.File("a.jsonl"), tmp.File("b.jsonl"), tmp.File("c.jsonl"), "--out", tmp.File("out"), "--no-model");

        Assert.Equal(0, run.ExitCode);
        Assert.Single(run.Error.Split('\n'), l => l.StartsWith("corpusqa: warning: 1 document repeats the id of an earlier document", StringComparison.Ordinal));
        using var summary = JsonDocument.Parse(File.ReadAllText(tmp.File("out/summary.json")));
        Assert.Equal(1, summary.RootElement.GetProperty("counts").GetProperty("duplicate_ids").GetInt64());
        Assert.Equal(ToolVersion.Text, summary.RootElement.GetProperty("run").GetProperty("tool").GetString());
        Assert.Contains("+", ToolVersion.Text); // the build records the commit
    }

    [Fact]
    public async Task OneDocumentIsSingularAndTheDedupEstimateSaysSo()
    {
        using var tmp = new TempDir();
        File.WriteAllText(tmp.File("one.jsonl"), "{\"id\":\"x\",\"text\":\"今天天气很好，我们去公园散步吧。\"}\n");

        var run = await CliRunner.RunAsync("dedup", tmp.File("one.jsonl"), "--out", tmp.File("out"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("dedup: 1 document, ", run.Error);
        Assert.DoesNotContain("1 documents", run.Error);
        Assert.Contains("estimate for ~1 document (input bytes / 4,000", run.Error);
        Assert.Contains("row spill", run.Error);
    }
}
