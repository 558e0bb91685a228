using System.Text.Json;

namespace CorpusQA.Cli.Tests;

public class DedupStageCommandTests
{
    private static void WriteShardInputs(TempDir tmp)
    {
        var seeds = File.ReadAllLines(CliRunner.Seeds);
        File.WriteAllLines(tmp.File("a.jsonl"), seeds);
        File.WriteAllLines(tmp.File("b.jsonl"), seeds.SelectMany(l =>
        {
            var doc = JsonDocument.Parse(l).RootElement;
            string id = doc.GetProperty("id").GetString()!, text = doc.GetProperty("text").GetString()!;
            return new[]
            {
                JsonSerializer.Serialize(new { id = id + "-copy", text }),
                JsonSerializer.Serialize(new { id = id + "-edit", text = text[..(text.Length / 2)] + "插入" + text[(text.Length / 2)..^50] }),
            };
        }));
    }

    [Fact]
    public async Task ShardedStagesWriteExactlyWhatTheOneProcessDedupWrites()
    {
        using var tmp = new TempDir();
        WriteShardInputs(tmp);
        Assert.Equal(0, (await CliRunner.RunAsync("dedup", tmp.File("a.jsonl"), tmp.File("b.jsonl"), "--out", tmp.File("one"))).ExitCode);

        var s0 = await CliRunner.RunAsync("dedup-signatures", tmp.File("a.jsonl"), "--out", tmp.File("st/s0.cqsig"));
        Assert.Equal(0, s0.ExitCode);
        Assert.Contains("--first-index 5", s0.Error);
        Assert.Equal(0, (await CliRunner.RunAsync("dedup-signatures", tmp.File("b.jsonl"), "--out", tmp.File("st/s1.cqsig"), "--first-index", "5", "--threads", "1")).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync("dedup-buckets", tmp.File("st/s1.cqsig"), tmp.File("st/s0.cqsig"), "--out", tmp.File("st/run.cqcand"))).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync("dedup-clusters", tmp.File("st/s0.cqsig"), tmp.File("st/s1.cqsig"), "--candidates", tmp.File("st/run.cqcand"), "--out", tmp.File("sharded"))).ExitCode);

        foreach (var name in new[] { "duplicates.parquet", "dedup_pairs.jsonl" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(tmp.File("one"), name)), File.ReadAllBytes(Path.Combine(tmp.File("sharded"), name)));
        }
    }

    [Fact]
    public async Task AStageRefusesShardsWrittenUnderOtherOptionsAndGapsInIndices()
    {
        using var tmp = new TempDir();
        WriteShardInputs(tmp);
        Assert.Equal(0, (await CliRunner.RunAsync("dedup-signatures", tmp.File("a.jsonl"), "--out", tmp.File("s0.cqsig"))).ExitCode);
        var mismatch = await CliRunner.RunAsync("dedup-buckets", tmp.File("s0.cqsig"), "--out", tmp.File("run.cqcand"), "--num-perm", "64");
        Assert.Equal(ExitCodes.BadInput, mismatch.ExitCode);
        Assert.Contains("s0.cqsig", mismatch.Error);

        Assert.Equal(0, (await CliRunner.RunAsync("dedup-signatures", tmp.File("b.jsonl"), "--out", tmp.File("s1.cqsig"), "--first-index", "7")).ExitCode);
        var gap = await CliRunner.RunAsync("dedup-buckets", tmp.File("s0.cqsig"), tmp.File("s1.cqsig"), "--out", tmp.File("run.cqcand"));
        var clusters = gap.ExitCode == 0
            ? await CliRunner.RunAsync("dedup-clusters", tmp.File("s0.cqsig"), tmp.File("s1.cqsig"), "--candidates", tmp.File("run.cqcand"), "--out", tmp.File("out"))
            : gap;
        Assert.Equal(ExitCodes.BadInput, clusters.ExitCode);
    }

    [Fact]
    public async Task SignaturesSkipBadRowsIntoAnErrorsFileAndSayTheNextFirstIndex()
    {
        using var tmp = new TempDir();
        File.WriteAllText(tmp.File("in.jsonl"), "{\"text\":\"第一篇文章的正文。\"}\n{\"text\":null}\n{\"text\":\"第二篇文章的正文。\"}\n");
        var run = await CliRunner.RunAsync("dedup-signatures", tmp.File("in.jsonl"), "--out", tmp.File("s.cqsig"), "--skip-bad");
        Assert.Equal(ExitCodes.CompletedWithSkippedRows, run.ExitCode);
        Assert.Contains("--first-index 2", run.Error);
        var error = JsonDocument.Parse(Assert.Single(File.ReadAllLines(tmp.File("s.cqsig.errors.jsonl")))).RootElement;
        Assert.Equal(1, error.GetProperty("row").GetInt64());
        Assert.Equal(2, File.ReadAllLines(tmp.File("s.cqsig.ids.jsonl")).Length);
    }
}
