using System.Text.Json;
using CorpusQA.Core.Rules;
using CorpusQA.Reports.Data;
using CorpusQA.Reports.Html;

namespace CorpusQA.Reports.Tests;

public class SafeTextTests
{
    [Fact]
    public void Lone_surrogates_become_replacement_characters_and_pairs_survive()
    {
        string text = "a\uD800b\uDC00c\uD83D\uDE00d\uD83D";
        Assert.Equal("a\uFFFDb\uFFFDc\uD83D\uDE00d\uFFFD", SafeText.ReplaceLoneSurrogates(text));
    }

    [Fact]
    public void Cut_never_splits_a_surrogate_pair()
    {
        string text = "ab\uD83D\uDE00cd";
        Assert.Equal("ab…", SafeText.Cut(text, 3));
        Assert.Equal("ab\uD83D\uDE00…", SafeText.Cut(text, 4));
        Assert.Equal(text, SafeText.Cut(text, 10));
    }

    [Fact]
    public void Html_escapes_markup_and_quotes()
    {
        string escaped = SafeText.Html("<img src=x onerror=\"a()\">'&");
        Assert.DoesNotContain("<", escaped);
        Assert.DoesNotContain("\"", escaped);
        Assert.DoesNotContain("'", escaped);
        Assert.Contains("&lt;img", escaped);
        Assert.Contains("中文", SafeText.Html("中文"));
    }

    [Fact]
    public void Json_cannot_end_its_script_block_and_round_trips()
    {
        string hostile = "</script><script>x()</script><!-- \u2028\u2029\u202E\u200B & > 中文";
        string json = SafeText.Json(w => { w.WriteStartObject(); w.WriteString("t", hostile); w.WriteEndObject(); });
        foreach (string bad in new[] { "<", ">", "&", "\u2028", "\u2029", "\u202E", "\u200B" }) Assert.DoesNotContain(bad, json);
        Assert.Equal(hostile, JsonDocument.Parse(json).RootElement.GetProperty("t").GetString());
    }

    [Fact]
    public void Sampler_keeps_the_worst_and_borderline_documents_and_repairs_their_text()
    {
        var rules = RuleSet.Parse("""{"rules": [{"signal": "han_count", "min": 10, "reason": "short", "source": "test"}]}""", "test", Core.Signals.SignalRegistry.Default);
        var columns = Core.Signals.SignalRegistry.Default.Signals.Select(s => s.Name).ToList();
        var sampler = new SnippetSampler(rules, columns);
        int han = columns.IndexOf("han_count");
        foreach (int count in new[] { 9, 0, 12, 5, 8, 1, 9 })
        {
            var values = new double[columns.Count];
            values[han] = count;
            sampler.Offer(count, "id" + count, "f.jsonl", 0, values, "text \uD800 " + count);
        }
        var result = sampler.Result();
        Assert.Equal([0L, 1, 5], result.Worst["short"].Select(s => s.DocIndex));
        Assert.Equal([9L, 9, 8], result.Borderline["short"].Select(s => s.DocIndex));
        Assert.All(result.Worst["short"], s => Assert.DoesNotContain('\uD800', s.Text));

        using var buffer = new MemoryStream();
        result.Write(buffer);
        string path = Path.GetTempFileName();
        File.WriteAllBytes(path, buffer.ToArray());
        var back = SnippetSamples.TryRead(path);
        File.Delete(path);
        Assert.NotNull(back);
        Assert.Equal(result.Worst["short"].Select(s => s.Text), back!.Worst["short"].Select(s => s.Text));
    }
}
