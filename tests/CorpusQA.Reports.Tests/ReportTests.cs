using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CorpusQA.Cli;
using CorpusQA.Core.Rules;
using CorpusQA.Reports.Data;
using CorpusQA.Reports.Html;

namespace CorpusQA.Reports.Tests;

[Collection(AuditedSamplesCollection.Name)]
public class ReportTests(AuditedSamples samples)
{
    private static readonly string[] Sections = ["overview", "funnel", "signals", "reasons", "duplicates", "whatif", "run"];

    [Fact]
    public void Audit_writes_both_reports_with_every_section()
    {
        foreach (var dir in new[] { samples.Seeds, samples.Debian, samples.Hostile })
        {
            string html = File.ReadAllText(Path.Combine(dir, "report.html"));
            foreach (var id in Sections) Assert.Contains($"<section id=\"{id}\">", html);
            string md = File.ReadAllText(Path.Combine(dir, "report.md"));
            Assert.Contains("## Funnel", md);
            Assert.Contains("## Top drop reasons", md);
        }
    }

    [Fact]
    public void Page_loads_nothing_and_allows_only_its_own_script()
    {
        string html = File.ReadAllText(Path.Combine(samples.Debian, "report.html"));
        var policy = Regex.Match(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">").Groups[1].Value;
        Assert.StartsWith("default-src 'none'; script-src 'sha256-", policy);
        var scripts = Regex.Matches(html, "<script>(.*?)</script>", RegexOptions.Singleline);
        Assert.Single(scripts);
        string hash = "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(scripts[0].Groups[1].Value)));
        Assert.Contains($"'{hash}'", policy);
        Assert.DoesNotMatch("(src|href)=\"(https?:|//)", html);
        Assert.DoesNotContain("@import", html);
        Assert.DoesNotContain("url(http", html);
        Assert.True(new FileInfo(Path.Combine(samples.Debian, "report.html")).Length < 5_000_000);
    }

    [Fact]
    public void Hostile_text_is_escaped_everywhere()
    {
        string html = File.ReadAllText(Path.Combine(samples.Hostile, "report.html"));
        Assert.Equal(2, Regex.Matches(html, "<script").Count);          // the JSON block and the page's script
        Assert.Single(Regex.Matches(html, "</script>\n</body>"));
        Assert.Equal(2, Regex.Matches(html, "</script>").Count);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<svg onload", html);
        Assert.DoesNotContain("<a href=\"javascript", html);
        Assert.DoesNotContain("onerror=\"", html);
        Assert.Contains("&lt;img src=x onerror=", html);              // shown as text
        Assert.Contains("window.__pwned=8", html);
        Assert.DoesNotContain(new string('长', SnippetSamples.MaxChars + 1), html);
        Assert.Contains(AuditedSamples.HostileFileName.Replace("<", "&lt;")[..6], html);
    }

    [Fact]
    public async Task Report_command_regenerates_the_audits_report_byte_for_byte()
    {
        string copy = Path.Combine(samples.Root, "regen", Path.GetFileName(samples.Debian));   // the folder's name is the report's title
        Directory.CreateDirectory(copy);
        foreach (var name in new[] { "signals.parquet", "summary.json", "samples.json" })
            File.Copy(Path.Combine(samples.Debian, name), Path.Combine(copy, name), overwrite: true);
        var (code, _, error) = await AuditedSamples.RunAsync("report", copy);
        Assert.True(code == 0, error);
        Assert.Equal(File.ReadAllBytes(Path.Combine(samples.Debian, "report.html")), File.ReadAllBytes(Path.Combine(copy, "report.html")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(samples.Debian, "report.md")), File.ReadAllBytes(Path.Combine(copy, "report.md")));
    }

    [Fact]
    public async Task Report_of_a_folder_without_an_audit_is_a_one_line_bad_input_error()
    {
        string empty = Path.Combine(samples.Root, "empty");
        Directory.CreateDirectory(empty);
        var (code, _, error) = await AuditedSamples.RunAsync("report", empty);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("summary.json", error);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Compare_writes_html_and_markdown_with_every_corpus()
    {
        string html = Path.Combine(samples.Root, "cmp.html"), md = Path.Combine(samples.Root, "cmp.md");
        var (code, _, error) = await AuditedSamples.RunAsync("compare", samples.Seeds, samples.Debian, "--out", html);
        Assert.True(code == 0, error);
        (code, _, error) = await AuditedSamples.RunAsync("compare", samples.Seeds, samples.Debian, "--out", md, "--format", "md");
        Assert.True(code == 0, error);
        string page = File.ReadAllText(html), text = File.ReadAllText(md);
        foreach (var name in new[] { "seeds", "debian-docs" })
        {
            Assert.Contains(name, page);
            Assert.Contains(name, text);
        }
        Assert.Contains("<section id=\"signals\">", page);
        Assert.Contains("## Funnels", text);
        (code, _, error) = await AuditedSamples.RunAsync("compare", samples.Seeds, Path.Combine(samples.Root, "missing"), "--out", html);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("missing", error);
    }

    [Fact]
    public async Task Scan_counts_equal_the_audits_summary()
    {
        var summary = AuditSummary.Read(Path.Combine(samples.Debian, "summary.json"));
        var model = await ReportModel.LoadAsync(samples.Debian, Cli.Runs.ReportRun.RecordedRules(samples.Debian));
        Assert.Equal(summary.Documents, model.Scan.Rows);
        Assert.Equal(AuditSummary.Long(summary.Counts, "kept"), model.Scan.KeptDocs);
        var recorded = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(samples.Debian, "summary.json"))).RootElement.GetProperty("drop_reasons");
        foreach (var reason in recorded.EnumerateObject()) Assert.Equal(reason.Value.GetInt64(), model.Scan.ReasonCounts[reason.Name]);
        Assert.Equal(model.Scan.Rows, model.Scan.KeptDocs + model.Scan.StageDocs.Sum());
        Assert.Equal(model.Scan.Rows, model.Scan.Sample!.DocIndex.Length);   // 400 rows: all in the page
    }

    [Fact]
    public async Task Sample_is_seeded_uniform_and_in_document_order()
    {
        var rules = Cli.Runs.ReportRun.RecordedRules(samples.Debian);
        var a = await ReportModel.LoadAsync(samples.Debian, rules, new ScanOptions { WhatIfRows = 50 });
        var b = await ReportModel.LoadAsync(samples.Debian, rules, new ScanOptions { WhatIfRows = 50 });
        Assert.Equal(50, a.Scan.Sample!.DocIndex.Length);
        Assert.Equal(a.Scan.Sample.DocIndex, b.Scan.Sample!.DocIndex);
        Assert.Equal(a.Scan.Sample.DocIndex.Order(), a.Scan.Sample.DocIndex);
        Assert.True(a.Scan.Sample.DocIndex.Max() > 200);
        Assert.Equal(ReportPage.Render(a), ReportPage.Render(b));
    }

    [Fact]
    public async Task Edited_rules_give_the_same_kept_count_as_rules_apply()
    {
        string config = Path.Combine(samples.Root, "edited-rules.json");
        var recorded = Cli.Runs.ReportRun.RecordedRules(samples.Debian);
        var edited = RuleSet.From(recorded.Rules.Select(r => r.Signal switch
        {
            "han_ratio" => r with { Threshold = 0.2 },
            "newline_word_ratio" => r with { Threshold = 0.5 },
            "quality_score" => r with { Threshold = 0.3 },
            _ => r,
        }));
        File.WriteAllText(config, edited.ToJson());
        string outDir = Path.Combine(samples.Root, "replayed");
        var (code, _, error) = await AuditedSamples.RunAsync("rules", "apply", samples.Debian, "--config", config, "--out", outDir);
        Assert.True(code == 0, error);
        var replayed = AuditSummary.Read(Path.Combine(outDir, "summary.json"));
        var model = await ReportModel.LoadAsync(samples.Debian, edited);
        Assert.Equal(AuditSummary.Long(replayed.Counts, "kept"), model.Scan.KeptDocs);
        Assert.NotEqual(AuditSummary.Long(AuditSummary.Read(Path.Combine(samples.Debian, "summary.json")).Counts, "kept"), model.Scan.KeptDocs);
    }

    [Fact]
    public async Task Audit_without_dedup_or_models_reports_the_stages_it_ran()
    {
        string dir = Path.Combine(samples.Root, "bare");
        var (code, _, error) = await AuditedSamples.RunAsync("audit", Path.Combine(AuditedSamples.RepoRoot, "corpora", "seeds", "seeds.jsonl"), "--out", dir, "--no-dedup", "--no-model");
        Assert.True(code == 0, error);
        string html = File.ReadAllText(Path.Combine(dir, "report.html")), md = File.ReadAllText(Path.Combine(dir, "report.md"));
        Assert.Contains("The audit ran with --no-dedup.", html);
        Assert.Contains("No script mix", html);
        Assert.DoesNotContain("| exact dedup |", md);
        Assert.DoesNotContain("| quality model |", md);
        Assert.Contains("| rules |", md);
        Assert.DoesNotContain("quality_score", html[html.IndexOf("id=\"whatif-data\"", StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task Samples_and_report_do_not_depend_on_the_thread_count()
    {
        string dir = Path.Combine(samples.Root, "one-thread");
        var (code, _, error) = await AuditedSamples.RunAsync("audit", Path.Combine(AuditedSamples.RepoRoot, "corpora", "debian-docs", "sample.jsonl.gz"), "--out", dir, "--threads", "1");
        Assert.True(code == 0, error);
        Assert.Equal(File.ReadAllBytes(Path.Combine(samples.Debian, "samples.json")), File.ReadAllBytes(Path.Combine(dir, "samples.json")));
        static string WithoutTime(string path) => Regex.Replace(File.ReadAllText(path).Replace("one-thread", "debian-docs"), @"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ|[\d.]+ s, \d+ documents/s, [\d.]+ MB/s|threads&quot;: \d", "T");   // the run's time and options
        Assert.Equal(WithoutTime(Path.Combine(samples.Debian, "report.html")), WithoutTime(Path.Combine(dir, "report.html")));
        Assert.Equal(WithoutTime(Path.Combine(samples.Debian, "report.md")), WithoutTime(Path.Combine(dir, "report.md")));
    }
}
