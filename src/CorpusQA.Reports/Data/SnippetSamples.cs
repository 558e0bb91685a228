using System.Text.Json;
using System.Text.Encodings.Web;
using CorpusQA.Core.Rules;
using CorpusQA.Reports.Html;

namespace CorpusQA.Reports.Data;

/// <summary>A document's opening text as samples.json keeps it, with its identity and the value that broke a rule.</summary>
public sealed record Snippet(long DocIndex, string DocId, string SourceFile, long RowIndex, int Chars, string Text, string? Signal, double Value)
{
    /// <summary>A snippet of <paramref name="text"/>: its opening <see cref="SnippetSamples.MaxChars"/> characters, surrogates repaired.</summary>
    public static Snippet Of(long docIndex, string docId, string sourceFile, long rowIndex, string text, string? signal = null, double value = double.NaN) =>
        new(docIndex, docId, sourceFile, rowIndex, text.Length, SafeText.Cut(text, SnippetSamples.MaxChars), signal, value);
}

/// <summary>
/// The example texts a report shows, which signals.parquet cannot give (it holds no text): for each drop reason the
/// documents furthest beyond a threshold (worst) and nearest to it (borderline), and the texts of the dedup sample
/// pairs. Bounded: <see cref="PerReason"/> documents per list, texts cut to <see cref="MaxChars"/>. Written by the
/// audit as DIR/samples.json; a report without it shows no snippets.
/// </summary>
public sealed class SnippetSamples
{
    public const string FileName = "samples.json";

    public const int PerReason = 3;

    public const int MaxChars = 800;

    public Dictionary<string, List<Snippet>> Worst { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<Snippet>> Borderline { get; } = new(StringComparer.Ordinal);

    /// <summary>Texts of the documents in the dedup sample pairs, by doc_index.</summary>
    public Dictionary<long, Snippet> Docs { get; } = [];

    public void Write(Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteNumber("version", 1);
        json.WriteNumber("max_chars", MaxChars);
        json.WriteStartArray("reasons");
        foreach (var reason in Worst.Keys.Order(StringComparer.Ordinal))
        {
            json.WriteStartObject();
            json.WriteString("reason", reason);
            WriteList(json, "worst", Worst[reason]);
            WriteList(json, "borderline", Borderline.GetValueOrDefault(reason) ?? []);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        WriteList(json, "docs", [.. Docs.Values.OrderBy(d => d.DocIndex)]);
        json.WriteEndObject();
    }

    private static void WriteList(Utf8JsonWriter json, string name, IEnumerable<Snippet> snippets)
    {
        json.WriteStartArray(name);
        foreach (var s in snippets)
        {
            json.WriteStartObject();
            json.WriteNumber("doc_index", s.DocIndex);
            json.WriteString("doc_id", SafeText.ReplaceLoneSurrogates(s.DocId));
            json.WriteString("source_file", SafeText.ReplaceLoneSurrogates(s.SourceFile));
            json.WriteNumber("row_index", s.RowIndex);
            json.WriteNumber("chars", s.Chars);
            if (s.Signal is not null)
            {
                json.WriteString("signal", s.Signal);
                if (double.IsFinite(s.Value)) json.WriteNumber("value", s.Value);
                else json.WriteString("value", s.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            json.WriteString("text", SafeText.Cut(s.Text, MaxChars));
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>Reads DIR/samples.json; null when the file is absent or unreadable (snippets are optional).</summary>
    public static SnippetSamples? TryRead(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            var samples = new SnippetSamples();
            foreach (var reason in root.GetProperty("reasons").EnumerateArray())
            {
                string name = reason.GetProperty("reason").GetString() ?? "";
                samples.Worst[name] = [.. reason.GetProperty("worst").EnumerateArray().Select(ReadSnippet)];
                samples.Borderline[name] = [.. reason.GetProperty("borderline").EnumerateArray().Select(ReadSnippet)];
            }
            foreach (var doc in root.GetProperty("docs").EnumerateArray().Select(ReadSnippet)) samples.Docs[doc.DocIndex] = doc;
            return samples;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static Snippet ReadSnippet(JsonElement e) => new(
        e.GetProperty("doc_index").GetInt64(), e.GetProperty("doc_id").GetString() ?? "", e.GetProperty("source_file").GetString() ?? "",
        e.GetProperty("row_index").GetInt64(), e.GetProperty("chars").GetInt32(), e.GetProperty("text").GetString() ?? "",
        e.TryGetProperty("signal", out var s) ? s.GetString() : null,
        e.TryGetProperty("value", out var v) ? (v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.Parse(v.GetString() ?? "NaN", System.Globalization.CultureInfo.InvariantCulture)) : double.NaN);
}

/// <summary>
/// Collects <see cref="SnippetSamples"/> during an audit's first pass, fed in input order (so ties keep the earlier
/// document and the result does not depend on the thread count). Only the few retained texts are copied.
/// </summary>
public sealed class SnippetSampler
{
    private readonly IReadOnlyList<QualityRule> _rules;
    private readonly int[] _columns;
    private readonly Dictionary<string, List<(double Severity, Snippet Snippet)>> _worst = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(double Severity, Snippet Snippet)>> _borderline = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (double Severity, string Signal, double Value)> _doc = new(StringComparer.Ordinal);

    /// <param name="rules">The audit's rule set (quality rule included).</param>
    /// <param name="valueColumns">The names of the value span's slots, as the audit fills it.</param>
    public SnippetSampler(RuleSet rules, IReadOnlyList<string> valueColumns)
    {
        _rules = rules.Rules;
        _columns = [.. _rules.Select(r => valueColumns.ToList().IndexOf(r.Signal))];
    }

    public void Offer(long docIndex, string docId, string sourceFile, long rowIndex, ReadOnlySpan<double> values, string text)
    {
        _doc.Clear();
        for (int i = 0; i < _rules.Count; i++)
        {
            int column = _columns[i];
            if (column < 0 || column >= values.Length || _rules[i].Passes(values[column])) continue;
            var rule = _rules[i];
            double t = rule.Threshold, v = values[column];
            double severity = (rule.Bound == RuleBound.Min ? t - v : v - t) / Math.Max(Math.Abs(t), 1e-9);
            if (!_doc.TryGetValue(rule.Reason, out var current) || severity > current.Severity) _doc[rule.Reason] = (severity, rule.Signal, v);
        }
        foreach (var (reason, (severity, signal, value)) in _doc)
        {
            bool worst = Fits(_worst, reason, severity, largest: true);
            bool border = Fits(_borderline, reason, severity, largest: false);
            if (!worst && !border) continue;
            var snippet = Snippet.Of(docIndex, docId, sourceFile, rowIndex, text, signal, value);
            if (worst) Insert(_worst, reason, severity, snippet, largest: true);
            if (border) Insert(_borderline, reason, severity, snippet, largest: false);
        }
    }

    private static bool Fits(Dictionary<string, List<(double, Snippet)>> lists, string reason, double severity, bool largest)
    {
        if (!lists.TryGetValue(reason, out var list) || list.Count < SnippetSamples.PerReason) return true;
        double edge = list[^1].Item1;
        return largest ? severity > edge : severity < edge;
    }

    private static void Insert(Dictionary<string, List<(double, Snippet)>> lists, string reason, double severity, Snippet snippet, bool largest)
    {
        if (!lists.TryGetValue(reason, out var list)) lists[reason] = list = [];
        int at = list.FindIndex(e => largest ? severity > e.Item1 : severity < e.Item1);
        list.Insert(at < 0 ? list.Count : at, (severity, snippet));
        if (list.Count > SnippetSamples.PerReason) list.RemoveAt(list.Count - 1);
    }

    /// <summary>The samples so far; <paramref name="docs"/> adds the dedup pairs' texts.</summary>
    public SnippetSamples Result(IEnumerable<Snippet>? docs = null)
    {
        var samples = new SnippetSamples();
        foreach (var (reason, list) in _worst) samples.Worst[reason] = [.. list.Select(e => e.Item2)];
        foreach (var (reason, list) in _borderline) samples.Borderline[reason] = [.. list.Select(e => e.Item2)];
        foreach (var doc in docs ?? []) samples.Docs[doc.DocIndex] = doc;
        return samples;
    }
}
