using System.Text.Json;
using CorpusQA.Classify.Scoring;
using CorpusQA.Core.Dedup;
using CorpusQA.Core.Rules;
using CorpusQA.Core.Stats;

namespace CorpusQA.Pipeline;

/// <summary>What summary.json records of a run's dedup (from a <see cref="DedupResult"/> or a cluster stage's file).</summary>
internal sealed record DedupRunInfo(int Bands, int Rows, long ExactDuplicates, long NearDuplicates, IReadOnlyList<DedupSamplePair> SamplePairs)
{
    public static DedupRunInfo From(DedupResult result) =>
        new(result.Lsh.Bands, result.Lsh.Rows, result.ExactDuplicateCount, result.NearDuplicateCount, result.SamplePairs);
}

/// <summary>summary.json: the run's metadata and the corpus summary, written atomically.</summary>
internal static class AuditSummaryFile
{
    public const string FileName = "summary.json";

    public static async Task<string> WriteAsync(string path, CorpusSummary summary, Dictionary<string, object?> run, bool partial)
    {
        await using var file = OutputFiles.Create(path);
        await using (var json = new Utf8JsonWriter(file.Stream, new JsonWriterOptions
        {
            Indented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            summary.WriteJson(json, run);
        }

        return partial ? await file.CommitPartialAsync() : await OutputFiles.CommitAsync(file);
    }

    /// <summary>Adds one document's final outcome to the summary (the model labels as categories when models ran).</summary>
    public static void Add(CorpusSummary summary, string file, AuditRow row, bool keep, IReadOnlyList<string> reasons, bool models)
    {
        summary.Add(file, row.Values, row.Chars, row.Utf8Bytes, keep, reasons);
        if (!models) return;
        summary.AddCategory(ModelColumns.Script, row.Script);
        summary.AddCategory(ModelColumns.QualityLabel, row.QualityLabel);
    }

    /// <summary>The "run" object of summary.json, without the run-specific started_utc and elapsed_seconds.</summary>
    public static Dictionary<string, object?> RunMetadata(AuditSettings settings, RuleSet rules, IReadOnlyList<string> files,
        DedupRunInfo? dedup, string? error, long skipped)
    {
        var run = new Dictionary<string, object?>
        {
            ["tool"] = ToolVersion.Text, // with the commit: "corpusqa 1.0.0+a986e03…"
            ["command"] = settings.CommandName,
            ["inputs"] = files,
            ["options"] = settings.Recorded,
            ["rules"] = settings.ConfigPath ?? "default",
            ["rules_sha256"] = rules.ConfigHash,
            ["models"] = ModelRecord(settings.Models),
            ["complete"] = error is null,
            ["error"] = error,
            ["skipped_bad_rows"] = skipped,
        };
        if (dedup is not null)
        {
            run["dedup"] = new Dictionary<string, object?>
            {
                ["threshold"] = settings.Dedup!.Threshold,
                ["num_perm"] = settings.Dedup.NumPerm,
                ["shingle"] = settings.Dedup.Shingle.ToString().ToLowerInvariant(),
                ["ngram"] = settings.Dedup.NGram,
                ["bands"] = dedup.Bands,
                ["rows"] = dedup.Rows,
                ["exact_duplicates"] = dedup.ExactDuplicates,
                ["near_duplicates"] = dedup.NearDuplicates,
                ["sample_pairs"] = dedup.SamplePairs.Select(p => new Dictionary<string, object?>
                {
                    ["doc_index"] = p.Doc,
                    ["keeper_index"] = p.Keeper,
                    ["estimated_jaccard"] = Math.Round(p.EstimatedJaccard, 4),
                    ["true_jaccard"] = double.IsNaN(p.TrueJaccard) ? null : Math.Round(p.TrueJaccard, 4),
                }).ToList(),
            };
        }

        return run;
    }

    /// <summary>Sets the run-specific fields (the only ones a sharded run and a one-process run may differ in).</summary>
    public static void SetTiming(Dictionary<string, object?> run, DateTime startedUtc, TimeSpan elapsed)
    {
        run["started_utc"] = startedUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        run["elapsed_seconds"] = Math.Round(elapsed.TotalSeconds, 3);
    }

    /// <summary>How the models are recorded in summary.json's run.models.</summary>
    public static Dictionary<string, object?>? ModelRecord(ModelSet? models) => models is null ? null : new()
    {
        ["quality"] = models.Quality?.Origin,
        ["quality_threshold"] = models.Quality?.Manifest.Threshold,
        ["script"] = models.Script?.Origin,
    };
}
