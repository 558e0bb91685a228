using System.Text.Json;
using CorpusQA.Reports.Tests;

namespace CorpusQA.Reports.BrowserTests;

/// <summary>The generated reports in headless Chromium: they render, load nothing, and their what-if equals rules apply.</summary>
[Collection(BrowserCollection.Name)]
public class ReportPageTests(Browser browser, AuditedSamples samples)
{
    private static readonly string[] Sections = ["overview", "funnel", "signals", "reasons", "duplicates", "whatif", "run"];

    /// <summary>Where the README's screenshots go (tests/browser/run.sh --screenshots sets it); unset: none are taken.</summary>
    private static readonly string? ScreenshotDir = Environment.GetEnvironmentVariable("REPORT_SCREENSHOTS");

    public static TheoryData<string> Corpora => new() { "seeds", "debian-docs", "hostile" };

    [Theory]
    [MemberData(nameof(Corpora))]
    public async Task Report_renders_every_section_without_errors_or_requests(string corpus)
    {
        await using var opened = await browser.OpenAsync(Path.Combine(samples.Root, corpus, "report.html"));
        var page = opened.Page;
        foreach (var id in Sections)
            Assert.True(await page.EvaluateExpressionAsync<bool>($"!!document.getElementById('{id}') && document.getElementById('{id}').offsetHeight > 0"), $"section {id} missing or empty");
        Assert.True(await page.EvaluateExpressionAsync<int>("document.querySelectorAll('svg.chart').length") > 70);
        Assert.True(await page.EvaluateExpressionAsync<int>("document.querySelectorAll('svg.chart title').length") > 70);
        Assert.NotEqual("", await page.EvaluateExpressionAsync<string>("document.querySelector('#whatif-kept .k-share').textContent"));
        AssertQuiet(opened);
        if (ScreenshotDir is not null && corpus == "debian-docs")
            await page.ScreenshotAsync(Path.Combine(ScreenshotDir, "report.png"), new PuppeteerSharp.ScreenshotOptions { Clip = new PuppeteerSharp.Media.Clip { X = 0, Y = 0, Width = 1280, Height = 1700 } });
    }

    [Fact]
    public async Task Hostile_text_does_not_run_and_does_not_break_the_layout()
    {
        await using var opened = await browser.OpenAsync(Path.Combine(samples.Hostile, "report.html"));
        var page = opened.Page;
        await page.EvaluateExpressionAsync("document.querySelectorAll('details').forEach(d => d.open = true)");
        await page.EvaluateExpressionAsync("document.querySelectorAll('tbody tr td').forEach(td => td.dispatchEvent(new MouseEvent('mouseover')))");
        Assert.Null(await page.EvaluateExpressionAsync<int?>("window.__pwned === undefined ? null : window.__pwned"));
        Assert.Equal(0, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('img, iframe, object, embed, svg[onload], [onerror], [onload]:not(body), a[href^=\"javascript\"]').length"));
        Assert.Equal(2, await page.EvaluateExpressionAsync<int>("document.scripts.length"));
        // The payloads are on the page as text, the 1 MB line cut, nothing wider than the window.
        Assert.True(await page.EvaluateExpressionAsync<bool>("document.body.textContent.includes('<img src=x onerror=')"));
        Assert.True(await page.EvaluateExpressionAsync<bool>("document.body.textContent.includes('</script><script>window.__pwned=6</script>')"));
        Assert.True(await page.EvaluateExpressionAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), "the page scrolls sideways");
        Assert.True(await page.EvaluateExpressionAsync<int>("document.documentElement.textContent.length") < 2_000_000);
        Assert.True(await page.EvaluateExpressionAsync<int>("document.querySelectorAll('.snip').length") > 3);
        Assert.True(await page.EvaluateExpressionAsync<bool>("[...document.querySelectorAll('pre.text')].every(p => p.getBoundingClientRect().height < 400)"));
        AssertQuiet(opened);
    }

    [Fact]
    public async Task What_if_changes_the_kept_share_and_equals_rules_apply()
    {
        await using var opened = await browser.OpenAsync(Path.Combine(samples.Debian, "report.html"));
        var page = opened.Page;
        int before = await Kept(page);
        int rows = await page.EvaluateExpressionAsync<int>("Number(document.getElementById('whatif-kept').dataset.rows)");
        Assert.Equal(400, rows);
        Assert.Equal(JsonDocument.Parse(File.ReadAllText(Path.Combine(samples.Debian, "summary.json"))).RootElement.GetProperty("counts").GetProperty("kept").GetInt32(), before);

        // Loosen han_ratio, tighten the quality model's threshold, switch the line-break rule off: typed like a user.
        await SetThreshold(page, "han_ratio", "0.2");
        await SetThreshold(page, "quality_score", "0.7");
        await page.EvaluateExpressionAsync(Rule("newline_word_ratio") + ".closest('tr').querySelector('input[type=checkbox]').click()");
        int after = await Kept(page);
        Assert.NotEqual(before, after);
        Assert.NotEqual("59.0%", await page.EvaluateExpressionAsync<string>("document.querySelector('#whatif-kept .k-share').textContent"));

        string json = await page.EvaluateExpressionAsync<string>("document.getElementById('whatif-json').value");
        Assert.DoesNotContain("newline_word_ratio", json);
        string config = Path.Combine(samples.Root, "whatif-rules.json"), outDir = Path.Combine(samples.Root, "whatif-replay");
        File.WriteAllText(config, json);
        var (code, _, error) = await AuditedSamples.RunAsync("rules", "apply", samples.Debian, "--config", config, "--out", outDir);
        Assert.True(code == 0, error);
        int replayed = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json"))).RootElement.GetProperty("counts").GetProperty("kept").GetInt32();
        Assert.Equal(replayed, after);

        await page.ClickAsync("#whatif-reset");
        Assert.Equal(before, await Kept(page));
        AssertQuiet(opened);
    }

    [Fact]
    public async Task Tables_sort_when_a_header_is_clicked()
    {
        await using var opened = await browser.OpenAsync(Path.Combine(samples.Debian, "report.html"));
        var page = opened.Page;
        const string Counts = "[...document.querySelectorAll('#reason-table tbody tr td:nth-child(2)')].map(td => Number(td.dataset.v))";
        await page.ClickAsync("#reason-table thead th:nth-child(2)");
        var ascending = await page.EvaluateExpressionAsync<double[]>(Counts);
        Assert.Equal(ascending.Order(), ascending);
        await page.ClickAsync("#reason-table thead th:nth-child(2)");
        var descending = await page.EvaluateExpressionAsync<double[]>(Counts);
        Assert.Equal(descending.OrderDescending(), descending);
        Assert.Empty(opened.Errors);
    }

    [Fact]
    public async Task Comparison_renders_without_errors_or_requests()
    {
        string file = Path.Combine(samples.Root, "compare.html");
        var (code, _, error) = await AuditedSamples.RunAsync("compare", samples.Seeds, samples.Debian, "--out", file);
        Assert.True(code == 0, error);
        await using var opened = await browser.OpenAsync(file);
        var page = opened.Page;
        foreach (var id in new[] { "overview", "funnel", "reasons", "scripts", "signals", "run" })
            Assert.True(await page.EvaluateExpressionAsync<bool>($"!!document.getElementById('{id}')"), id);
        Assert.True(await page.EvaluateExpressionAsync<int>("document.querySelectorAll('svg.chart').length") > 70);
        AssertQuiet(opened);
        if (ScreenshotDir is not null)
            await page.ScreenshotAsync(Path.Combine(ScreenshotDir, "compare.png"), new PuppeteerSharp.ScreenshotOptions { Clip = new PuppeteerSharp.Media.Clip { X = 0, Y = 0, Width = 1280, Height = 1500 } });
    }

    /// <summary>No console or page error (CSP violations included) and no request beyond the file.</summary>
    private static void AssertQuiet(Browser.Opened opened)
    {
        Assert.Empty(opened.Errors);
        Assert.Empty(opened.Requests);
    }

    private static string Rule(string signal) =>
        $"[...document.querySelectorAll('#whatif-rules tbody tr')].find(tr => tr.cells[1].textContent === '{signal}').querySelector('input.thr')";

    private static async Task SetThreshold(PuppeteerSharp.IPage page, string signal, string value)
    {
        await page.EvaluateExpressionAsync($"(() => {{ const i = {Rule(signal)}; i.focus(); i.select(); }})()");
        await page.Keyboard.TypeAsync(value);
    }

    private static Task<int> Kept(PuppeteerSharp.IPage page) =>
        page.EvaluateExpressionAsync<int>("Number(document.getElementById('whatif-kept').dataset.kept)");
}
