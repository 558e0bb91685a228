namespace CorpusQA.IO;

/// <summary>
/// Recognises CorpusQA's own output files inside a folder being read as input: a file named as one of its outputs
/// (<c>signals.parquet</c>, <c>kept.jsonl</c>, <c>summary.json</c>, ... and their <c>.partial</c> forms) in a folder that
/// holds a CorpusQA result table or summary. Both are required, so a dataset's own <c>kept.jsonl</c> is still read.
/// </summary>
public static class OwnOutputs
{
    /// <summary>The files whose presence marks a CorpusQA output folder.</summary>
    private static readonly string[] Markers =
        ["summary.json", "summary.partial.json", "signals.parquet", "signals.partial.parquet", "duplicates.parquet",
         "duplicates.partial.parquet", "verdicts.parquet", "scores.parquet", "dedup_pairs.jsonl"];

    private static readonly string[] Names =
        ["summary", "signals", "samples", "duplicates", "verdicts", "scores", "dedup_pairs", "errors", "kept", "removed"];

    public static bool IsOwnOutput(string path)
    {
        string name = Path.GetFileName(path);
        int dot = name.IndexOf('.');
        string stem = dot < 0 ? name : name[..dot];
        if (!Names.Contains(stem, StringComparer.Ordinal)) return false;
        string? folder = Path.GetDirectoryName(path);
        return folder is not null && Markers.Any(marker => File.Exists(Path.Combine(folder, marker)));
    }
}
