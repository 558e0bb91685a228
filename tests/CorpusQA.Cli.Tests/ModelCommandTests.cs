using System.Text.Json;
using System.Text.Json.Nodes;
using DuckDB.NET.Data;

namespace CorpusQA.Cli.Tests;

/// <summary>train → eval → score end to end on user data in JSONL and Parquet, and their failure paths.</summary>
public class ModelCommandTests
{
    private static readonly string[] Clean =
    [
        "软件包管理系统负责安装、升级和删除软件。", "用户可以通过命令行工具查询已经安装的软件包。", "系统启动时会读取配置文件并加载必要的服务。",
        "网络设置保存在配置目录中，修改后需要重新启动服务。", "文档介绍了如何编写控制文件以及如何构建源代码包。", "这个命令会显示当前目录下所有文件的大小。",
        "如果出现错误，请检查日志文件中的详细信息。", "开发者应当在提交补丁之前运行全部测试。",
    ];

    /// <summary>Labelled JSONL: clean paragraphs ("good", score 4-5) and shuffled soup with ads ("bad", score 0-1).</summary>
    private static string WriteLabelled(TempDir tmp, int pairs = 30)
    {
        var random = new Random(11);
        var lines = new List<string>();
        for (int i = 0; i < pairs; i++)
        {
            string text = string.Concat(Enumerable.Range(0, 4).Select(_ => Clean[random.Next(Clean.Length)]));
            string soup = "加微信 免费下载 " + new string(text.OrderBy(_ => random.Next()).ToArray());
            lines.Add(JsonSerializer.Serialize(new { id = $"c{i}", text, label = "good", score = 4 + i % 2, source = $"s{i % 6}", split = i % 5 == 0 ? "test" : "train" }));
            lines.Add(JsonSerializer.Serialize(new { id = $"b{i}", text = soup, label = "bad", score = i % 2, source = $"s{i % 6}", split = i % 5 == 0 ? "test" : "train" }));
        }
        string path = tmp.File("labelled.jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }

    private static List<Dictionary<string, object?>> Query(string sql) => DuckDbQuery.Rows(sql);

    private static string Sql(string path) => DuckDbQuery.Literal(path);

    [Fact]
    public async Task TrainEvalScoreEndToEndOnJsonlAndParquet()
    {
        using var tmp = new TempDir();
        string data = WriteLabelled(tmp);
        string model = tmp.File("model.zip");
        var train = await CliRunner.RunAsync("train", data, "--label-field", "label", "--where", "split=train", "--group-field", "source",
            "--folds", "3", "--hash-bits", "12", "--out", model, "--json");
        Assert.True(train.ExitCode == 0, train.Error);
        var cv = JsonNode.Parse(train.Out)!;
        Assert.True(cv["binary"]!["auc"]!.GetValue<double>() >= 0.95, train.Out);

        var eval = await CliRunner.RunAsync("eval", data, "--model", model, "--where", "split=test", "--json");
        Assert.True(eval.ExitCode == 0, eval.Error);
        var report = JsonNode.Parse(eval.Out)!;
        Assert.Equal(12, report["documents"]!.GetValue<int>());
        Assert.True(report["binary"]!["auc"]!.GetValue<double>() >= 0.95, eval.Out);

        // The same data as Parquet (converted by DuckDB) scores the same.
        string parquet = tmp.File("labelled.parquet");
        Query($"COPY (SELECT * FROM read_json_auto('{Sql(data)}')) TO '{Sql(parquet)}' (FORMAT PARQUET)");
        var evalParquet = await CliRunner.RunAsync("eval", parquet, "--model", model, "--where", "split=test", "--json");
        Assert.True(evalParquet.ExitCode == 0, evalParquet.Error);
        Assert.Equal(report["binary"]!["auc"]!.GetValue<double>(), JsonNode.Parse(evalParquet.Out)!["binary"]!["auc"]!.GetValue<double>());

        var score = await CliRunner.RunAsync("score", parquet, "--model", model, "--out", tmp.File("scored"));
        Assert.True(score.ExitCode == 0, score.Error);
        var rows = Query($"SELECT doc_id, quality_score, quality_label, script, script_confidence FROM read_parquet('{Sql(tmp.File("scored/scores.parquet"))}') ORDER BY doc_index");
        Assert.Equal(60, rows.Count);
        Assert.Equal("c0", rows[0]["doc_id"]);
        Assert.All(rows.Where(r => ((string)r["doc_id"]!).StartsWith('c')), r => Assert.Equal("good", r["quality_label"]));
        Assert.All(rows, r => Assert.InRange((double)r["quality_score"]!, 0, 1));
        Assert.All(rows.Where(r => ((string)r["doc_id"]!).StartsWith('c')), r => Assert.Equal("zh-Hans", r["script"]));
    }

    [Fact]
    public async Task ScoresAreByteIdenticalWhateverTheThreadCount()
    {
        using var tmp = new TempDir();
        string data = WriteLabelled(tmp, pairs: 40);
        var one = await CliRunner.RunAsync("score", data, "--out", tmp.File("t1"), "--threads", "1");
        var three = await CliRunner.RunAsync("score", data, "--out", tmp.File("t3"), "--threads", "3");
        Assert.True(one.ExitCode == 0, one.Error);
        Assert.True(three.ExitCode == 0, three.Error);
        Assert.Equal(File.ReadAllBytes(tmp.File("t1/scores.parquet")), File.ReadAllBytes(tmp.File("t3/scores.parquet")));
    }

    [Fact]
    public async Task RegressionOnANumericScoreWithAMinimumScore()
    {
        using var tmp = new TempDir();
        string data = WriteLabelled(tmp);
        string model = tmp.File("reg.zip");
        var train = await CliRunner.RunAsync("train", data, "--label-field", "score", "--task", "regression", "--min-score", "3",
            "--group-field", "source", "--folds", "3", "--hash-bits", "12", "--out", model, "--json");
        Assert.True(train.ExitCode == 0, train.Error);
        Assert.True(JsonNode.Parse(train.Out)!["regression"]!["pearson"]!.GetValue<double>() > 0.9, train.Out);
        var binary = await CliRunner.RunAsync("train", data, "--label-field", "score", "--min-score", "3", "--folds", "0", "--hash-bits", "12", "--out", tmp.File("bin.zip"));
        Assert.True(binary.ExitCode == 0, binary.Error);
    }

    [Fact]
    public async Task SameDataAndSeedGiveTheSameBundle()
    {
        using var tmp = new TempDir();
        string data = WriteLabelled(tmp, pairs: 15);
        foreach (var name in new[] { "a.zip", "b.zip" })
        {
            var run = await CliRunner.RunAsync("train", data, "--folds", "2", "--hash-bits", "12", "--seed", "3", "--out", tmp.File(name));
            Assert.True(run.ExitCode == 0, run.Error);
        }
        Assert.Equal(File.ReadAllBytes(tmp.File("a.zip")), File.ReadAllBytes(tmp.File("b.zip")));
    }

    [Theory]
    [InlineData("one class", "--where", "label=good")]
    [InlineData("missing label field", "--label-field", "nope")]
    [InlineData("non-numeric score", "--min-score", "3")]
    public async Task BadTrainingDataIsOneLineWithExitCode3(string why, string option, string value)
    {
        using var tmp = new TempDir();
        string data = WriteLabelled(tmp, pairs: 5);
        var run = await CliRunner.RunAsync("train", data, option, value, "--folds", "0", "--hash-bits", "12", "--out", tmp.File("m.zip"));
        Assert.True(run.ExitCode == 3, $"{why}: {run.ExitCode} {run.Error}");
        var lastLine = run.Error.TrimEnd().Split('\n')[^1];
        Assert.StartsWith("corpusqa: error: ", lastLine);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.False(File.Exists(tmp.File("m.zip")));
    }

    [Fact]
    public async Task WrongOrCorruptModelFilesAreExitCode3()
    {
        using var tmp = new TempDir();
        string data = WriteLabelled(tmp, pairs: 3);
        File.WriteAllText(tmp.File("notzip.zip"), "not a model");
        var wrong = await CliRunner.RunAsync("score", data, "--model", tmp.File("notzip.zip"), "--out", tmp.File("o"));
        Assert.Equal(3, wrong.ExitCode);
        Assert.Contains("not a CorpusQA model bundle", wrong.Error);
        var missing = await CliRunner.RunAsync("eval", data, "--model", tmp.File("absent.zip"));
        Assert.Equal(3, missing.ExitCode);
        Assert.Single(missing.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task AuditScoresWithTheBundledModelsAndAddsTheirRule()
    {
        using var tmp = new TempDir();
        var run = await CliRunner.RunAsync("audit", CliRunner.Seeds, "--out", tmp.Path);
        Assert.True(run.ExitCode == 0, run.Error);
        var rows = Query($"SELECT doc_id, quality_score, quality_label, script, script_confidence, drop_reasons FROM read_parquet('{Sql(tmp.File("signals.parquet"))}') ORDER BY doc_index");
        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.InRange((double)r["quality_score"]!, 0, 1));
        Assert.Equal("zh-Hant", rows[1]["script"]);                          // seed 001 is Traditional
        Assert.All(rows.Where((_, i) => i != 1), r => Assert.Equal("zh-Hans", r["script"]));
        Assert.Equal("good", rows[0]["quality_label"]);                      // seed 000: the clean article
        using var summary = JsonDocument.Parse(File.ReadAllText(tmp.File("summary.json")));
        var root = summary.RootElement;
        Assert.Equal(4, root.GetProperty("categories").GetProperty("script").GetProperty("zh-Hans").GetInt32());
        Assert.True(root.GetProperty("signals").TryGetProperty("quality_score", out _));
        Assert.Equal("bundled:quality", root.GetProperty("run").GetProperty("models").GetProperty("quality").GetString());
        foreach (var row in rows.Where(r => (string)r["quality_label"]! == "bad"))
            Assert.Contains("low_quality_score", (string)row["drop_reasons"]!);
    }

    [Fact]
    public async Task NoModelAuditHasNoModelColumnsAndARulesFileOverridesTheThreshold()
    {
        using var tmp = new TempDir();
        var off = await CliRunner.RunAsync("audit", CliRunner.Seeds, "--out", tmp.File("off"), "--no-model");
        Assert.True(off.ExitCode == 0, off.Error);
        var columns = Query($"DESCRIBE SELECT * FROM read_parquet('{Sql(tmp.File("off/signals.parquet"))}')").Select(r => (string)r["column_name"]!).ToList();
        Assert.DoesNotContain("quality_score", columns);
        Assert.DoesNotContain("script", columns);

        File.WriteAllText(tmp.File("rules.json"),
            """{"rules": [{"signal": "quality_score", "min": 0.0, "reason": "low_quality_score", "source": "test: keep everything"}]}""");
        var lenient = await CliRunner.RunAsync("audit", CliRunner.Seeds, "--out", tmp.File("lenient"), "--config", tmp.File("rules.json"));
        Assert.True(lenient.ExitCode == 0, lenient.Error);
        var kept = Query($"SELECT count(*) AS n FROM read_parquet('{Sql(tmp.File("lenient/signals.parquet"))}') WHERE keep");
        Assert.Equal(5L, Convert.ToInt64(kept[0]["n"]));
    }
}
