using System.Text;
using CorpusQA.Cli;

namespace CorpusQA.Reports.Tests;

/// <summary>
/// The bundled samples and a hostile corpus, each audited once per test run into a temporary folder (shared by the
/// unit tests here and the browser tests, which link this file).
/// </summary>
public sealed class AuditedSamples : IAsyncLifetime
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "corpusqa-report-test-" + Guid.NewGuid().ToString("N"));

    public string Seeds => Path.Combine(Root, "seeds");

    public string Debian => Path.Combine(Root, "debian-docs");

    public string Hostile => Path.Combine(Root, "hostile");

    /// <summary>The hostile input's file name: markup in a file name is data too.</summary>
    public const string HostileFileName = "x<img src=y onerror=\"window.__pwned=9\">.jsonl";

    public static string RepoRoot { get; } = FindRoot();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        await Audit(Seeds, Path.Combine(RepoRoot, "corpora", "seeds", "seeds.jsonl"));
        await Audit(Debian, Path.Combine(RepoRoot, "corpora", "debian-docs", "sample.jsonl.gz"));
        string hostile = Path.Combine(Root, HostileFileName);
        await File.WriteAllTextAsync(hostile, HostileJsonl(), new UTF8Encoding(false));
        await Audit(Hostile, hostile, "--skip-bad");
    }

    public Task DisposeAsync()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }

    public static async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = await CorpusQaApp.RunAsync(args, new CliContext(output, error, errorIsTerminal: false));
        return (code, output.ToString(), error.ToString());
    }

    private static async Task Audit(string outDir, string input, params string[] extra)
    {
        var (code, _, error) = await RunAsync(["audit", input, "--out", outDir, "--threads", "2", .. extra]);
        if (code is not (0 or 5)) throw new InvalidOperationException($"audit {input} failed ({code}): {error}");
    }

    /// <summary>
    /// Markup in ids and texts, a script end tag and an HTML comment opener for the JSON block, event handlers,
    /// javascript: links, U+2028/9, an RTL override, zero-width characters, a 1 MB line, a near-duplicate pair (so the
    /// side-by-side view shows hostile text) and a row with lone surrogates (which the reader rejects: --skip-bad).
    /// </summary>
    public static string HostileJsonl()
    {
        string body = string.Concat(Enumerable.Repeat("这是一个关于数据质量的测试文档，我们在这里写了很多中文句子，用来检查报告是否安全。", 6));
        string payload = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script></script><!--<svg onload=\"window.__pwned=3\">";
        var rows = new (string Id, string Text)[]
        {
            ("<img src=x onerror=\"window.__pwned=4\">", payload + "短"),
            ("</script><script>window.__pwned=5</script>", "</script><script>window.__pwned=6</script><!-- " + body),
            ("javascript:window.__pwned=7", "<a href=\"javascript:window.__pwned=8\">点我</a>\u2028\u2029" + payload + body),
            ("\u202Egnp.exe", "\u202E右到左覆盖\u200B\u200D\uFEFF零宽 " + payload),
            ("long-line", new string('长', 1_000_000)),
            ("dup-a " + payload, payload + body + "一"),
            ("dup-b " + payload, payload + body + "二"),
        };
        var b = new StringBuilder();
        foreach (var (id, text) in rows)
            b.Append("{\"id\": ").Append(System.Text.Json.JsonSerializer.Serialize(id)).Append(", \"text\": ").Append(System.Text.Json.JsonSerializer.Serialize(text)).Append("}\n");
        b.Append("{\"id\": \"surrogate\", \"text\": \"lone \\ud800 high and \\udc00 low 中文\"}\n");
        return b.ToString();
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CorpusQA.sln"))) return dir.FullName;
        throw new InvalidOperationException("CorpusQA.sln not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class AuditedSamplesCollection : ICollectionFixture<AuditedSamples>
{
    public const string Name = "audited samples";
}
