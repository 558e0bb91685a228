using System.Text.Json;
using DuckDB.NET.Data;

namespace CorpusQA.Cli.Tests;

public class FilterAndDedupCommandTests
{
    // DuckDB writes the input and reads the outputs: an independent Parquet implementation on both sides.
    private static void WriteParquet(string path, IReadOnlyList<string> ids, IReadOnlyList<string> texts, IReadOnlyList<int> years)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        Execute(connection, "CREATE TABLE docs (id VARCHAR, text VARCHAR, year INTEGER)");
        for (int i = 0; i < ids.Count; i++)
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO docs VALUES ($1, $2, $3)";
            insert.Parameters.Add(new DuckDBParameter(ids[i]));
            insert.Parameters.Add(new DuckDBParameter(texts[i]));
            insert.Parameters.Add(new DuckDBParameter(years[i]));
            insert.ExecuteNonQuery();
        }

        Execute(connection, $"COPY docs TO '{path.Replace("'", "''")}' (FORMAT PARQUET)");
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static (string[] Ids, int[] Years, string[]? Reasons) ReadParquet(string path)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM read_parquet('{path.Replace("'", "''")}')";
        using var reader = command.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var ids = new List<string>();
        var years = new List<int>();
        List<string>? reasons = columns.Contains("drop_reasons") ? [] : null;
        while (reader.Read())
        {
            ids.Add(reader.GetString(columns.IndexOf("id")));
            years.Add(reader.GetInt32(columns.IndexOf("year")));
            reasons?.Add(reader.GetString(columns.IndexOf("drop_reasons")));
        }

        Assert.Equal(["id", "text", "year"], columns.Where(c => c != "drop_reasons"));
        return (ids.ToArray(), years.ToArray(), reasons?.ToArray());
    }

    [Fact]
    public async Task FilterSplitsParquetIntoKeptAndRemovedWithOriginalColumnsAndNothingLost()
    {
        using var tmp = new TempDir();
        var seeds = File.ReadLines(CliRunner.Seeds).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var ids = new List<string>();
        var texts = new List<string>();
        var years = new List<int>();
        foreach (var (seed, i) in seeds.Select((s, i) => (s, i)))
        {
            ids.Add(seed.GetProperty("id").GetString()!);
            texts.Add(seed.GetProperty("text").GetString()!);
            years.Add(2000 + i);
        }

        ids.Add("copy-of-0");
        texts.Add(texts[0]);
        years.Add(1999);
        Directory.CreateDirectory(tmp.File("data"));
        WriteParquet(tmp.File("data/train-00000.parquet"), ids, texts, years);

        var run = await CliRunner.RunAsync("filter", tmp.File("data"), "--out", tmp.File("out"));
        Assert.Equal(0, run.ExitCode);
        var kept = ReadParquet(Path.Combine(tmp.File("out"), "kept.parquet"));
        var removed = ReadParquet(Path.Combine(tmp.File("out"), "removed.parquet"));
        Assert.Null(kept.Reasons);
        Assert.Equal(ids.Count, kept.Ids.Length + removed.Ids.Length);
        Assert.Equal(ids.OrderBy(x => x, StringComparer.Ordinal), kept.Ids.Concat(removed.Ids).OrderBy(x => x, StringComparer.Ordinal));
        for (int i = 0; i < removed.Ids.Length; i++)
        {
            Assert.Equal(years[ids.IndexOf(removed.Ids[i])], removed.Years[i]);
            Assert.NotEqual("", removed.Reasons![i]);
        }

        int copy = Array.IndexOf(removed.Ids, "copy-of-0");
        Assert.Contains("exact_duplicate", removed.Reasons![copy]);
    }

    [Fact]
    public async Task FilterOnJsonlKeepsTheLinesByteForByte()
    {
        using var tmp = new TempDir();
        var run = await CliRunner.RunAsync("filter", CliRunner.Seeds, "--out", tmp.Path, "--no-dedup");
        Assert.Equal(0, run.ExitCode);
        var input = File.ReadAllLines(CliRunner.Seeds);
        var kept = File.ReadAllLines(tmp.File("kept.jsonl"));
        var removed = File.ReadAllLines(tmp.File("removed.jsonl"));
        Assert.Equal(input.Length, kept.Length + removed.Length);
        Assert.All(kept, line => Assert.Contains(line, input));
        Assert.All(removed, line => Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(line).RootElement.GetProperty("drop_reasons").GetString())));
    }

    [Fact]
    public async Task DedupWritesDuplicatesParquetAndSamplePairs()
    {
        using var tmp = new TempDir();
        var seeds = File.ReadAllLines(CliRunner.Seeds);
        File.WriteAllLines(tmp.File("in.jsonl"), seeds.Concat(seeds.Select(l =>
        {
            var doc = JsonDocument.Parse(l).RootElement;
            string text = doc.GetProperty("text").GetString()!;
            return JsonSerializer.Serialize(new { id = doc.GetProperty("id").GetString() + "-near", text = "转载：" + text[..^30] });
        })));
        var run = await CliRunner.RunAsync("dedup", tmp.File("in.jsonl"), "--out", tmp.File("out"), "--threshold", "0.7");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("bands x", run.Error);
        Assert.True(File.Exists(Path.Combine(tmp.File("out"), "duplicates.parquet")));
        var pairs = File.ReadAllLines(Path.Combine(tmp.File("out"), "dedup_pairs.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(5, pairs.Count);
        foreach (var pair in pairs)
        {
            Assert.Equal(pair.GetProperty("keeper_id").GetString() + "-near", pair.GetProperty("doc_id").GetString());
            Assert.InRange(pair.GetProperty("true_jaccard").GetDouble(), 0.7, 1.0);
        }
    }

    [Fact]
    public async Task SkipBadRecordsErrorsAndKeepsEveryGoodRowWithExitCodeFive()
    {
        using var tmp = new TempDir();
        Directory.CreateDirectory(tmp.File("mixed"));
        File.Copy(CliRunner.Seeds, tmp.File("mixed/a-good.jsonl"));
        File.WriteAllText(tmp.File("mixed/b-bad.jsonl"), "{\"text\":\"好的文本。\"}\n{\"text\":null}\nnot json\n{\"text\":\"还有一行。\"}\n");
        File.WriteAllBytes(tmp.File("mixed/c-corrupt.parquet"), [1, 2, 3, 4, 5, 6, 7, 8]);
        var run = await CliRunner.RunAsync("audit", tmp.File("mixed"), "--out", tmp.File("out"), "--skip-bad");
        Assert.Equal(ExitCodes.CompletedWithSkippedRows, run.ExitCode);
        var errors = File.ReadAllLines(Path.Combine(tmp.File("out"), "errors.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Contains(errors, e => e.GetProperty("file").GetString()!.EndsWith("b-bad.jsonl") && e.GetProperty("row").GetInt64() == 1);
        Assert.Contains(errors, e => e.GetProperty("file").GetString()!.EndsWith("b-bad.jsonl") && e.GetProperty("row").GetInt64() == 2);
        Assert.Contains(errors, e => e.GetProperty("file").GetString()!.EndsWith("c-corrupt.parquet"));
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(tmp.File("out"), "summary.json")));
        Assert.Equal(7, summary.RootElement.GetProperty("counts").GetProperty("documents").GetInt64());
    }

    [Fact]
    public async Task WithoutSkipBadTheRunStopsButKeepsWhatItProcessedAsPartial()
    {
        using var tmp = new TempDir();
        Directory.CreateDirectory(tmp.File("mixed"));
        File.Copy(CliRunner.Seeds, tmp.File("mixed/a-good.jsonl"));
        File.WriteAllBytes(tmp.File("mixed/b-bad.jsonl"), [.. "{\"text\":\"好\"}\n{\"text\":\""u8, 0xC3, 0x28, .. "\"}\n"u8]);
        var run = await CliRunner.RunAsync("audit", tmp.File("mixed"), "--out", tmp.File("out"));
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        var message = Assert.Single(run.Error.Split('\n'), l => l.StartsWith("corpusqa: error:"));
        Assert.Contains("b-bad.jsonl", message);
        Assert.Contains("row 1", message);
        Assert.False(File.Exists(Path.Combine(tmp.File("out"), "signals.parquet")));
        Assert.True(File.Exists(Path.Combine(tmp.File("out"), "signals.partial.parquet")));
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(tmp.File("out"), "summary.partial.json")));
        Assert.Equal(6, summary.RootElement.GetProperty("counts").GetProperty("documents").GetInt64());
        Assert.False(summary.RootElement.GetProperty("run").GetProperty("complete").GetBoolean());
    }
}
