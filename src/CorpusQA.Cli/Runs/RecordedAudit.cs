using System.Text.Json;
using CorpusQA.Core.Documents;

namespace CorpusQA.Cli.Runs;

/// <summary>
/// What a replay needs from the summary.json beside a signals.parquet: the rule set and model threshold the audit
/// used, and the run facts that verdicts do not change (inputs, character total, dedup settings). Every member is
/// optional: a signals.parquet without its summary replays the default rules with no quality rule.
/// </summary>
internal sealed record RecordedAudit
{
    /// <summary>run.rules: "default" or the rule file's path.</summary>
    public string? Rules { get; init; }

    public string? RulesSha256 { get; init; }

    /// <summary>run.models as written (null: the audit ran without models).</summary>
    public JsonElement? Models { get; init; }

    public double? QualityThreshold { get; init; }

    public string? QualityModel { get; init; }

    public JsonElement? Inputs { get; init; }

    public JsonElement? Dedup { get; init; }

    public long? Documents { get; init; }

    public long? Characters { get; init; }

    public long SkippedBadRows { get; init; }

    /// <summary>The replay this summary came from, when it is itself a replay's.</summary>
    public JsonElement? Replay { get; init; }

    public static RecordedAudit Read(string path)
    {
        if (!File.Exists(path)) return new RecordedAudit();
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            var run = root.TryGetProperty("run", out var r) && r.ValueKind == JsonValueKind.Object ? r : default;
            var counts = root.TryGetProperty("counts", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
            JsonElement? models = Member(run, "models") is { ValueKind: JsonValueKind.Object } m ? m.Clone() : null;
            return new RecordedAudit
            {
                Rules = Member(run, "rules") is { ValueKind: JsonValueKind.String } rules ? rules.GetString() : null,
                RulesSha256 = Member(run, "rules_sha256") is { ValueKind: JsonValueKind.String } hash ? hash.GetString() : null,
                Models = models,
                QualityThreshold = models is { } mm && Member(mm, "quality_threshold") is { ValueKind: JsonValueKind.Number } t ? t.GetDouble() : null,
                QualityModel = models is { } mo && Member(mo, "quality") is { ValueKind: JsonValueKind.String } q ? q.GetString() : null,
                Inputs = Member(run, "inputs")?.Clone(),
                Dedup = Member(run, "dedup") is { ValueKind: JsonValueKind.Object } d ? d.Clone() : null,
                Documents = Member(counts, "documents") is { ValueKind: JsonValueKind.Number } n ? n.GetInt64() : null,
                Characters = Member(counts, "characters") is { ValueKind: JsonValueKind.Number } ch ? ch.GetInt64() : null,
                SkippedBadRows = Member(run, "skipped_bad_rows") is { ValueKind: JsonValueKind.Number } s ? s.GetInt64() : 0,
                Replay = Member(run, "replay") is { ValueKind: JsonValueKind.Object } rp ? rp.Clone() : null,
            };
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or FormatException or InvalidOperationException)
        {
            throw new CorpusInputException(path, null, $"cannot read the audit's summary: {e.Message.Split('\n')[0].TrimEnd()}", e);
        }
    }

    private static JsonElement? Member(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;
}
