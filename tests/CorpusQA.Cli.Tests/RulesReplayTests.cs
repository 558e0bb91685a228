using System.Text.Json;
using CorpusQA.IO;
using DuckDB.NET.Data;

namespace CorpusQA.Cli.Tests;

/// <summary><c>rules apply</c> and <c>filter --verdicts</c>: replayed verdicts equal the audit's; errors are one line.</summary>
public class RulesReplayTests
{
    private static string DebianSample => Path.Combine(CliRunner.RepoRoot, "corpora", "debian-docs", "sample.jsonl.gz");

    /// <summary>(doc_index, source_file, row_index, keep, drop_reasons) in doc_index order, read by DuckDB.</summary>
    private static List<(long Index, string File, long Row, bool Keep, string Reasons)> Verdicts(string parquet)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT doc_index, source_file, row_index, keep, drop_reasons FROM read_parquet('{parquet.Replace("'", "''")}') ORDER BY doc_index";
        using var reader = command.ExecuteReader();
        var rows = new List<(long, string, long, bool, string)>();
        while (reader.Read()) rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetBoolean(3), reader.GetString(4)));
        return rows;
    }

    private static JsonElement Summary(string dir) => JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json"))).RootElement.Clone();

    private static async Task Ok(params string[] args)
    {
        var result = await CliRunner.RunAsync(args);
        Assert.True(result.ExitCode == 0, $"{string.Join(' ', args)} -> {result.ExitCode}: {result.Error}");
    }

    public static TheoryData<string, string> Corpora => new()
    {
        { "seeds", "" }, { "seeds", "--no-dedup" }, { "seeds", "--no-model" },
        { "debian", "" }, { "debian", "--no-dedup" }, { "debian", "--no-model" },
    };

    [Theory]
    [MemberData(nameof(Corpora))]
    public async Task ReplayingTheDefaultRulesReproducesTheAuditExactly(string corpus, string flag)
    {
        using var dir = new TempDir();
        string input = corpus == "seeds" ? CliRunner.Seeds : DebianSample;
        string audit = dir.File("audit"), replay = dir.File("replay");
        await Ok([ "audit", input, "--out", audit, .. flag.Length > 0 ? new[] { flag } : [] ]);
        await Ok("rules", "apply", audit, "--out", replay);

        var expected = Verdicts(Path.Combine(audit, "signals.parquet"));
        var actual = Verdicts(Path.Combine(replay, "verdicts.parquet"));
        Assert.Equal(expected, actual);
        Assert.Contains(expected, v => !v.Keep);
        if (flag != "--no-dedup" && corpus == "debian") Assert.Contains(expected, v => v.Reasons.Contains("duplicate"));
        if (flag != "--no-model" && corpus == "debian") Assert.Contains(expected, v => v.Reasons.Contains("low_quality_score"));

        var before = Summary(audit);
        var after = Summary(replay);
        foreach (var section in new[] { "counts", "drop_reasons", "documents_per_file", "signals" })
            Assert.Equal(before.GetProperty(section).GetRawText(), after.GetProperty(section).GetRawText());
        Assert.Equal(before.TryGetProperty("categories", out var c1) ? c1.GetRawText() : null,
            after.TryGetProperty("categories", out var c2) ? c2.GetRawText() : null);
        var run = after.GetProperty("run");
        Assert.Equal("rules apply", run.GetProperty("command").GetString());
        Assert.Equal(before.GetProperty("run").GetProperty("rules_sha256").GetString(), run.GetProperty("rules_sha256").GetString());
        Assert.Equal("default", run.GetProperty("rules").GetString());
        Assert.True(run.TryGetProperty("replay", out _));
    }

    [Fact]
    public async Task AStricterRuleFileChangesTheVerdictsAndKeepsTheDedupVerdicts()
    {
        using var dir = new TempDir();
        string audit = dir.File("audit"), replay = dir.File("replay");
        await Ok("audit", DebianSample, "--out", audit);
        string rules = dir.File("strict.json");
        File.WriteAllText(rules, """
            {"rules": [
              {"signal": "han_ratio", "min": 0.6, "reason": "low_han_ratio", "source": "test: stricter than ChineseWebText"},
              {"signal": "quality_score", "min": 0.9, "reason": "low_quality_score", "source": "test: stricter than the model"}
            ]}
            """);
        await Ok("rules", "apply", audit, "--config", rules, "--out", replay);

        var signals = ReadSignals(Path.Combine(audit, "signals.parquet"));
        var verdicts = Verdicts(Path.Combine(replay, "verdicts.parquet"));
        Assert.Equal(signals.Count, verdicts.Count);
        for (int i = 0; i < signals.Count; i++)
        {
            var (hanRatio, quality, keeper, exactDup) = signals[i];
            var expected = new List<string>();
            if (hanRatio < 0.6) expected.Add("low_han_ratio");
            if (quality < 0.9) expected.Add("low_quality_score");
            if (keeper == false) expected.Add(exactDup ? "exact_duplicate" : "near_duplicate");
            Assert.Equal(string.Join(',', expected), verdicts[i].Reasons);
            Assert.Equal(expected.Count == 0, verdicts[i].Keep);
        }
        Assert.Contains(verdicts, v => v.Reasons == "low_han_ratio");
        Assert.Contains(verdicts, v => v.Reasons.EndsWith("_duplicate", StringComparison.Ordinal));
        var summary = Summary(replay);
        Assert.Equal(rules, summary.GetProperty("run").GetProperty("rules").GetString());
        Assert.Equal(verdicts.Count(v => v.Keep), summary.GetProperty("counts").GetProperty("kept").GetInt64());

        // In place (no --out) the replay's summary.json replaces the audit's; a later replay without --config then
        // uses the rules it records.
        await Ok("rules", "apply", audit, "--config", rules);
        Assert.Equal(verdicts, Verdicts(Path.Combine(audit, "verdicts.parquet")));
        File.Delete(Path.Combine(audit, "verdicts.parquet"));
        await Ok("rules", "apply", audit);
        Assert.Equal(verdicts, Verdicts(Path.Combine(audit, "verdicts.parquet")));
    }

    private static List<(double HanRatio, double Quality, bool? Keeper, bool ExactDup)> ReadSignals(string parquet)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT han_ratio, quality_score, is_keeper, exact_dup_of IS NOT NULL FROM read_parquet('{parquet}') ORDER BY doc_index";
        using var reader = command.ExecuteReader();
        var rows = new List<(double, double, bool?, bool)>();
        while (reader.Read()) rows.Add((reader.GetDouble(0), reader.GetDouble(1), reader.IsDBNull(2) ? null : reader.GetBoolean(2), reader.GetBoolean(3)));
        return rows;
    }

    [Theory]
    [InlineData("")]
    [InlineData("--no-dedup")]
    public async Task FilterByStoredVerdictsEqualsFilter(string flag)
    {
        using var dir = new TempDir();
        string[] extra = flag.Length > 0 ? [flag] : [];
        await Ok([ "filter", DebianSample, "--out", dir.File("filter"), .. extra ]);
        await Ok([ "audit", DebianSample, "--out", dir.File("audit"), .. extra ]);
        await Ok("filter", DebianSample, "--verdicts", dir.File("audit"), "--out", dir.File("from-signals"));
        await Ok("rules", "apply", dir.File("audit"), "--out", dir.File("replay"));
        await Ok("filter", DebianSample, "--verdicts", dir.File("replay"), "--out", dir.File("from-verdicts"));
        foreach (var name in new[] { "kept.jsonl", "removed.jsonl" })
        {
            byte[] expected = File.ReadAllBytes(Path.Combine(dir.File("filter"), name));
            Assert.Equal(expected, File.ReadAllBytes(Path.Combine(dir.File("from-signals"), name)));
            Assert.Equal(expected, File.ReadAllBytes(Path.Combine(dir.File("from-verdicts"), name)));
        }
    }

    [Fact]
    public async Task ErrorsAreOneLineWithExitCodeThree()
    {
        using var dir = new TempDir();
        string audit = dir.File("audit");
        await Ok("audit", CliRunner.Seeds, "--out", audit, "--no-model");

        async Task ExpectOneLine(string fragment, params string[] args)
        {
            var result = await CliRunner.RunAsync(args);
            Assert.True(result.ExitCode == ExitCodes.BadInput, $"{string.Join(' ', args)} -> {result.ExitCode}: {result.Error}");
            string[] lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Single(lines);
            Assert.Contains(fragment, lines[0]);
        }

        File.WriteAllText(dir.File("broken.json"), "{\"rules\": [ {\"signal\": \"han_ratio\", \"min\": ");
        await ExpectOneLine("invalid JSON", "rules", "apply", audit, "--config", dir.File("broken.json"), "--out", dir.File("x"));
        File.WriteAllText(dir.File("unknown.json"), """{"rules": [{"signal": "no_such_signal", "min": 1, "reason": "r", "source": "s"}]}""");
        await ExpectOneLine("unknown signal", "rules", "apply", audit, "--config", dir.File("unknown.json"), "--out", dir.File("x"));
        await ExpectOneLine("preset:nope", "rules", "apply", audit, "--config", "preset:nope", "--out", dir.File("x"));
        await ExpectOneLine("not found", "rules", "apply", dir.File("nothing-here"));

        // A signals.parquet without this version's schema entry (an older corpusqa, or another tool).
        string old = dir.File("old");
        Directory.CreateDirectory(old);
        await using (var table = await ParquetTableWriter.CreateAsync(Path.Combine(old, "signals.parquet"),
            [new("doc_index", TableColumnType.Int64), new("char_count", TableColumnType.Double)]))
        {
            table.SetInt64(0, 0);
            table.SetDouble(1, 5);
            await table.EndRowAsync();
            await table.CompleteAsync();
        }
        await ExpectOneLine("another version of corpusqa", "rules", "apply", old);
        // ... or one whose signals differ from this version's.
        await using (var table = await ParquetTableWriter.CreateAsync(Path.Combine(old, "signals.parquet"),
            [new("doc_index", TableColumnType.Int64)],
            new ParquetTableWriterOptions { Metadata = new Dictionary<string, string> { ["corpusqa.signals_schema"] = "v1:0123456789abcdef" } }))
        {
            table.SetInt64(0, 0);
            await table.EndRowAsync();
            await table.CompleteAsync();
        }
        await ExpectOneLine("signals schema v1:0123456789abc", "rules", "apply", old);

        // filter --verdicts on another corpus, or on the same files with rows missing.
        await ExpectOneLine("does not match", "filter", DebianSample, "--verdicts", audit, "--out", dir.File("f1"));
        string shorter = dir.File("shorter.jsonl");
        File.WriteAllLines(shorter, File.ReadLines(CliRunner.Seeds).SkipLast(1));
        await Ok("audit", shorter, "--out", dir.File("audit-short"), "--no-model", "--no-dedup");
        File.WriteAllLines(shorter, File.ReadLines(CliRunner.Seeds));
        await ExpectOneLine("does not match", "filter", shorter, "--verdicts", dir.File("audit-short"), "--out", dir.File("f2"));
        Assert.False(File.Exists(Path.Combine(dir.File("f2"), "kept.jsonl")));
    }
}
