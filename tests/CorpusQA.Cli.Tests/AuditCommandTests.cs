using System.Text.Json;
using CorpusQA.Core.Signals;
using DuckDB.NET.Data;

namespace CorpusQA.Cli.Tests;

public class AuditCommandTests
{
    private static List<Dictionary<string, object?>> Query(string sql) => DuckDbQuery.Rows(sql);

    [Fact]
    public async Task SignalsParquetRoundTripsThroughDuckDbWithTheDocumentedSchema()
    {
        using var tmp = new TempDir();
        var run = await CliRunner.RunAsync("audit", CliRunner.Seeds, "--out", tmp.Path);
        Assert.Equal(0, run.ExitCode);
        string parquet = tmp.File("signals.parquet").Replace("'", "''");

        var schema = Query($"DESCRIBE SELECT * FROM read_parquet('{parquet}')");
        var types = schema.ToDictionary(r => (string)r["column_name"]!, r => (string)r["column_type"]!);
        Assert.Equal("BIGINT", types["doc_index"]);
        Assert.Equal("VARCHAR", types["doc_id"]);
        Assert.Equal("VARCHAR", types["source_file"]);
        Assert.Equal("BIGINT", types["row_index"]);
        foreach (var signal in SignalRegistry.Default.Signals) Assert.Equal("DOUBLE", types[signal.Name]);
        Assert.Equal("VARCHAR", types["exact_hash"]);
        Assert.Equal("BIGINT", types["cluster_id"]);
        Assert.Equal("INTEGER", types["cluster_size"]);
        Assert.Equal("BOOLEAN", types["is_keeper"]);
        Assert.Equal("DOUBLE", types["est_jaccard_to_keeper"]);
        Assert.Equal("DOUBLE", types["true_jaccard_to_keeper"]);
        Assert.Equal("BOOLEAN", types["keep"]);
        Assert.Equal("VARCHAR", types["drop_reasons"]);

        var rows = Query($"SELECT doc_index, doc_id, row_index, char_count, keep, drop_reasons FROM read_parquet('{parquet}') ORDER BY doc_index");
        var seeds = File.ReadLines(CliRunner.Seeds).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(seeds.Count, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.Equal((long)i, rows[i]["doc_index"]);
            Assert.Equal(seeds[i].GetProperty("id").GetString(), rows[i]["doc_id"]);
            Assert.Equal((long)i, rows[i]["row_index"]);
            Assert.Equal((double)seeds[i].GetProperty("text").GetString()!.Length, rows[i]["char_count"]);
            Assert.Equal((bool)rows[i]["keep"]!, ((string)rows[i]["drop_reasons"]!).Length == 0);
        }
    }

    [Fact]
    public async Task SummaryJsonHasCountsDistributionsReasonsOptionsAndRulesHash()
    {
        using var tmp = new TempDir();
        var run = await CliRunner.RunAsync("audit", CliRunner.Seeds, "--out", tmp.Path, "--threads", "1");
        Assert.Equal(0, run.ExitCode);
        using var summary = JsonDocument.Parse(File.ReadAllText(tmp.File("summary.json")));
        var root = summary.RootElement;
        Assert.Equal(5, root.GetProperty("counts").GetProperty("documents").GetInt64());
        long kept = root.GetProperty("counts").GetProperty("kept").GetInt64();
        Assert.Equal(5, kept + root.GetProperty("counts").GetProperty("removed").GetInt64());
        Assert.Equal(64, root.GetProperty("run").GetProperty("rules_sha256").GetString()!.Length);
        Assert.True(root.GetProperty("run").GetProperty("complete").GetBoolean());
        var chars = root.GetProperty("signals").GetProperty("char_count");
        Assert.Equal(5, chars.GetProperty("count").GetInt64());
        Assert.True(chars.GetProperty("percentiles").GetProperty("p50").GetDouble() > 1000);
        Assert.Equal(5, chars.GetProperty("histogram").GetProperty("counts").EnumerateArray().Sum(c => c.GetInt64()));
        Assert.Contains("audit summary", run.Error);
    }

    [Fact]
    public async Task OutputsAreByteIdenticalWhateverTheThreadCount()
    {
        using var tmp = new TempDir();
        string corpus = Path.Combine(CliRunner.RepoRoot, "corpora", "debian-docs", "sample.jsonl.gz");
        var one = await CliRunner.RunAsync("audit", corpus, "--out", tmp.File("t1"), "--threads", "1");
        var three = await CliRunner.RunAsync("audit", corpus, "--out", tmp.File("t3"), "--threads", "3");
        Assert.Equal(0, one.ExitCode);
        Assert.Equal(0, three.ExitCode);
        Assert.Equal(File.ReadAllBytes(Path.Combine(tmp.File("t1"), "signals.parquet")), File.ReadAllBytes(Path.Combine(tmp.File("t3"), "signals.parquet")));
        static string WithoutRun(string path)
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            node.Remove("run"); // records the thread count
            return node.ToJsonString();
        }

        Assert.Equal(WithoutRun(Path.Combine(tmp.File("t1"), "summary.json")), WithoutRun(Path.Combine(tmp.File("t3"), "summary.json")));
    }

    [Fact]
    public async Task DuplicatesAreMarkedWithClusterKeeperAndReason()
    {
        using var tmp = new TempDir();
        var seeds = File.ReadAllLines(CliRunner.Seeds);
        var lines = new List<string>(seeds);
        foreach (var line in seeds)
        {
            var doc = JsonDocument.Parse(line).RootElement;
            string text = doc.GetProperty("text").GetString()!;
            lines.Add(JsonSerializer.Serialize(new { id = doc.GetProperty("id").GetString() + "-copy", text }));
            lines.Add(JsonSerializer.Serialize(new { id = doc.GetProperty("id").GetString() + "-edit", text = text[..^40] + "本文完。" }));
        }

        File.WriteAllLines(tmp.File("in.jsonl"), lines);
        var run = await CliRunner.RunAsync("audit", tmp.File("in.jsonl"), "--out", tmp.File("out"));
        Assert.Equal(0, run.ExitCode);
        string parquet = Path.Combine(tmp.File("out"), "signals.parquet").Replace("'", "''");
        var rows = Query($"SELECT doc_id, exact_dup_of, keeper_id, cluster_size, is_keeper, keep, drop_reasons, true_jaccard_to_keeper FROM read_parquet('{parquet}') ORDER BY doc_index");
        foreach (var row in rows.Where(r => ((string)r["doc_id"]!).EndsWith("-copy")))
        {
            string original = ((string)row["doc_id"]!)[..^5];
            Assert.Equal(original, row["exact_dup_of"]);
            Assert.Equal(original, row["keeper_id"]);
            Assert.False((bool)row["keep"]!);
            Assert.Contains("exact_duplicate", (string)row["drop_reasons"]!);
        }

        foreach (var row in rows.Where(r => ((string)r["doc_id"]!).EndsWith("-edit")))
        {
            Assert.Equal(((string)row["doc_id"]!)[..^5], row["keeper_id"]);
            Assert.Equal(3, row["cluster_size"]);
            Assert.InRange((double)row["true_jaccard_to_keeper"]!, 0.8, 1.0);
            Assert.Contains("near_duplicate", (string)row["drop_reasons"]!);
        }

        Assert.All(rows.Take(5), r => Assert.True((bool)r["is_keeper"]!));
    }

    [Fact]
    public async Task AnUnknownSignalInTheConfigIsAOneLineError()
    {
        using var tmp = new TempDir();
        File.WriteAllText(tmp.File("rules.json"), "{\"rules\":[{\"signal\":\"no_such_signal\",\"max\":1,\"reason\":\"x\"}]}");
        var run = await CliRunner.RunAsync("audit", CliRunner.Seeds, "--out", tmp.File("out"), "--config", tmp.File("rules.json"));
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Contains("rules.json", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }
}
