using System.Text.Json;
using CorpusQA.Core.Documents;

namespace CorpusQA.Reports.Data;

/// <summary>One signal's distribution as summary.json records it.</summary>
public sealed record SignalStats(long Count, double Min, double Mean, double Max, IReadOnlyDictionary<string, double> Percentiles);

/// <summary>
/// What a report reads from an audit's summary.json: the run facts (section 7), the totals, the script mix, the
/// per-signal distributions (whose percentiles set the histogram ranges) and the dedup sample pairs.
/// </summary>
public sealed class AuditSummary
{
    private AuditSummary(string path, JsonElement root)
    {
        Path = path;
        Root = root;
        Run = Member(root, "run") ?? default;
        Counts = Member(root, "counts") ?? default;
    }

    public string Path { get; }

    /// <summary>The whole document (kept for the run-information section).</summary>
    public JsonElement Root { get; }

    public JsonElement Run { get; }

    public JsonElement Counts { get; }

    public long Documents => Long(Counts, "documents") ?? 0;

    /// <summary>counts.characters: UTF-16 code units of the whole corpus.</summary>
    public long Characters => Long(Counts, "characters") ?? 0;

    public long Bytes => Long(Counts, "bytes") ?? 0;

    public string Tool => String(Run, "tool") ?? "corpusqa";

    public string Command => String(Run, "command") ?? "audit";

    /// <summary>run.rules: "default" or the rule file's path.</summary>
    public string? Rules => String(Run, "rules");

    public string? RulesSha256 => String(Run, "rules_sha256");

    /// <summary>run.started_utc, the one timestamp a report shows (null for summaries written before it existed).</summary>
    public string? StartedUtc => String(Run, "started_utc");

    public double? ElapsedSeconds => Member(Run, "elapsed_seconds") is { ValueKind: JsonValueKind.Number } e ? e.GetDouble() : null;

    public double? QualityThreshold => Member(Run, "models") is { } m && Member(m, "quality_threshold") is { ValueKind: JsonValueKind.Number } t ? t.GetDouble() : null;

    public string? QualityModel => Member(Run, "models") is { } m ? String(m, "quality") : null;

    public JsonElement? Dedup => Member(Run, "dedup") is { ValueKind: JsonValueKind.Object } d ? d : null;

    /// <summary>The dedup sample pairs: (doc_index, keeper_index, estimated, true Jaccard or NaN).</summary>
    public IReadOnlyList<(long Doc, long Keeper, double Estimated, double True)> SamplePairs =>
        Dedup is { } d && Member(d, "sample_pairs") is { ValueKind: JsonValueKind.Array } pairs
            ? [.. pairs.EnumerateArray().Select(p => (Long(p, "doc_index") ?? -1, Long(p, "keeper_index") ?? -1,
                Double(p, "estimated_jaccard") ?? double.NaN, Double(p, "true_jaccard") ?? double.NaN))]
            : [];

    public IReadOnlyList<string> Inputs => Member(Run, "inputs") is { ValueKind: JsonValueKind.Array } a
        ? [.. a.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString() ?? "" : x.ToString())]
        : [];

    /// <summary>categories.NAME: label → documents (script, quality_label); empty when the audit ran no model.</summary>
    public IReadOnlyList<(string Label, long Count)> Category(string name) =>
        Member(Root, "categories") is { } c && Member(c, name) is { ValueKind: JsonValueKind.Object } o
            ? [.. o.EnumerateObject().Select(p => (p.Name, p.Value.TryGetInt64(out long n) ? n : 0)).OrderByDescending(p => p.Item2).ThenBy(p => p.Name, StringComparer.Ordinal)]
            : [];

    public SignalStats? Signal(string name)
    {
        if (Member(Root, "signals") is not { } signals || Member(signals, name) is not { ValueKind: JsonValueKind.Object } s) return null;
        var percentiles = new Dictionary<string, double>(StringComparer.Ordinal);
        if (Member(s, "percentiles") is { ValueKind: JsonValueKind.Object } p)
            foreach (var q in p.EnumerateObject())
                if (q.Value.ValueKind == JsonValueKind.Number) percentiles[q.Name] = q.Value.GetDouble();
        return new SignalStats(Long(s, "count") ?? 0, Double(s, "min") ?? double.NaN, Double(s, "mean") ?? double.NaN,
            Double(s, "max") ?? double.NaN, percentiles);
    }

    /// <summary>Reads DIR/summary.json; a missing or unreadable file is a <see cref="CorpusInputException"/> naming it.</summary>
    public static AuditSummary Read(string path)
    {
        if (!File.Exists(path)) throw new CorpusInputException(path, null, "not found: a report needs the summary.json that corpusqa audit writes");
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            if (document.RootElement.ValueKind != JsonValueKind.Object) throw new JsonException("expected a JSON object");
            return new AuditSummary(path, document.RootElement.Clone());
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new CorpusInputException(path, null, $"cannot read the audit's summary: {e.Message.Split('\n')[0].TrimEnd()}", e);
        }
    }

    internal static JsonElement? Member(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    internal static string? String(JsonElement element, string name) =>
        Member(element, name) is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;

    internal static long? Long(JsonElement element, string name) =>
        Member(element, name) is { ValueKind: JsonValueKind.Number } n && n.TryGetInt64(out long v) ? v : null;

    internal static double? Double(JsonElement element, string name) =>
        Member(element, name) is { ValueKind: JsonValueKind.Number } n ? n.GetDouble() : null;
}
