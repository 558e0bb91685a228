using CorpusQA.Cli.Faults;
using CorpusQA.Core.Documents;
using CorpusQA.IO;

namespace CorpusQA.Cli.Runs;

/// <summary>What <c>corpusqa filter INPUTS --verdicts DIR</c> was asked to do.</summary>
internal sealed record VerdictFilterSettings
{
    public required IReadOnlyList<string> Inputs { get; init; }

    public InputCorpusOptions Reading { get; init; } = new();

    /// <summary>The folder with verdicts.parquet (rules apply) or signals.parquet (audit).</summary>
    public required string VerdictsDir { get; init; }

    public required string OutDir { get; init; }

    public FilterOutputOptions Filter { get; init; } = new();
}

/// <summary>What the split wrote.</summary>
internal sealed record VerdictFilterResult(string VerdictsPath, long Kept, long Removed, string KeptPath, string RemovedPath);

/// <summary>
/// The apply-verdicts stage: splits a corpus into kept and removed (<see cref="FilterOutputWriter"/>, exactly as
/// filter writes them) by verdicts stored earlier, matched row by row on source_file and row_index; no signal is
/// computed. A corpus that is not the one the verdicts were made on (other files, other row counts) is refused.
/// </summary>
internal static class VerdictFilter
{
    public static async Task<VerdictFilterResult> RunAsync(VerdictFilterSettings settings, CancellationToken ct)
    {
        string path = Path.Combine(settings.VerdictsDir, RulesReplay.VerdictsFile);
        if (!File.Exists(path)) path = Path.Combine(settings.VerdictsDir, RulesReplay.SignalsFile);
        if (!File.Exists(path))
            throw new CorpusInputException(settings.VerdictsDir, null, $"no {RulesReplay.VerdictsFile} or {RulesReplay.SignalsFile}: write one with corpusqa rules apply or corpusqa audit");
        var verdicts = await StoredVerdicts.LoadAsync(path, ct).ConfigureAwait(false);

        string outDir = OutputFolder.Prepare(settings.OutDir, null);
        var corpus = InputCorpus.Open(settings.Inputs, settings.Reading with { KeepOriginal = true }, outDir);
        var fileOfVerdicts = MatchFiles(verdicts, corpus.Files, path);
        await using var writer = await FilterOutputWriter.CreateAsync(outDir, corpus.Files, settings.Filter, ct).ConfigureAwait(false);
        var fileIndex = AuditRun.FileIndex(corpus);
        int next = 0;
        string[] noReasons = [];
        await foreach (var doc in corpus.ReadAllAsync(ct).ConfigureAwait(false))
        {
            int file = fileIndex[doc.SourceFile];
            if (next >= verdicts.Count || fileOfVerdicts[verdicts.FileIndex[next]] != file || verdicts.RowIndex[next] != doc.RowIndex)
            {
                string expected = next >= verdicts.Count
                    ? $"the verdicts end after {verdicts.Count:N0} rows"
                    : $"the verdicts expect row {verdicts.RowIndex[next]} of {verdicts.Files[verdicts.FileIndex[next]]} here";
                throw new CorpusInputException(doc.SourceFile, doc.RowIndex, $"the corpus does not match {path} ({expected}); filter the corpus the verdicts were made on");
            }

            string reasons = verdicts.DropReasons[next];
            await writer.WriteAsync(doc, verdicts.Keep[next], reasons.Length == 0 ? noReasons : reasons.Split(','), ct).ConfigureAwait(false);
            next++;
        }

        if (next < verdicts.Count)
            throw new CorpusInputException(verdicts.Files[verdicts.FileIndex[next]], verdicts.RowIndex[next],
                $"the corpus does not match {path}: it ended after {next:N0} of the {verdicts.Count:N0} rows the verdicts cover");
        var (kept, removed) = await writer.CompleteAsync(ct).ConfigureAwait(false);
        return new VerdictFilterResult(path, writer.KeptCount, writer.RemovedCount, kept, removed);
    }

    /// <summary>For each file the verdicts name, its position in the corpus; the two lists must name the same files in the same order.</summary>
    private static int[] MatchFiles(StoredVerdicts verdicts, IReadOnlyList<string> corpusFiles, string path)
    {
        bool same = verdicts.Files.Count == corpusFiles.Count;
        for (int i = 0; same && i < corpusFiles.Count; i++)
            same = verdicts.Files[i] == corpusFiles[i] || Path.GetFullPath(verdicts.Files[i]) == Path.GetFullPath(corpusFiles[i]);
        if (!same)
        {
            string Names(IEnumerable<string> files) => string.Join(", ", files.Take(3)) + (files.Count() > 3 ? ", …" : "");
            throw new CorpusInputException(path, null,
                $"the corpus does not match: the verdicts cover {verdicts.Files.Count} file(s) ({Names(verdicts.Files)}), the inputs are {corpusFiles.Count} ({Names(corpusFiles)})");
        }
        return Enumerable.Range(0, corpusFiles.Count).ToArray();
    }

    /// <summary>The keep / drop_reasons columns of a verdict table, with file names and reasons interned.</summary>
    private sealed class StoredVerdicts
    {
        public List<string> Files { get; } = [];
        public List<int> FileIndex { get; } = [];
        public List<long> RowIndex { get; } = [];
        public List<bool> Keep { get; } = [];
        public List<string> DropReasons { get; } = [];
        public int Count => Keep.Count;

        public static async Task<StoredVerdicts> LoadAsync(string path, CancellationToken ct)
        {
            await using var table = await ResultTableReader.OpenAsync(path, ct).ConfigureAwait(false);
            foreach (var column in new[] { AuditColumns.SourceFile, AuditColumns.RowIndex, AuditColumns.Keep, AuditColumns.DropReasons })
                if (!table.HasColumn(column)) throw new CorpusInputException(path, null, $"no column '{column}': not a verdict table");
            var result = new StoredVerdicts();
            var files = new Dictionary<string, int>(StringComparer.Ordinal);
            var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int g = 0; g < table.RowGroupCount; g++)
            {
                using var group = table.OpenRowGroup(g);
                var source = await group.ReadStringsAsync(AuditColumns.SourceFile, ct).ConfigureAwait(false);
                var row = await group.ReadInt64sAsync(AuditColumns.RowIndex, ct).ConfigureAwait(false);
                var keep = await group.ReadBoolsAsync(AuditColumns.Keep, ct).ConfigureAwait(false);
                var drop = await group.ReadStringsAsync(AuditColumns.DropReasons, ct).ConfigureAwait(false);
                for (int r = 0; r < group.RowCount; r++)
                {
                    if (source[r] is not { } file || row[r] is not { } rowIndex || keep[r] is not { } kept)
                        throw new CorpusInputException(path, result.Count, "source_file, row_index or keep is null");
                    if (!files.TryGetValue(file, out int index))
                    {
                        files[file] = index = result.Files.Count;
                        result.Files.Add(file);
                    }
                    string why = drop[r] ?? "";
                    if (!reasons.TryGetValue(why, out var interned)) reasons[why] = interned = why;
                    result.FileIndex.Add(index);
                    result.RowIndex.Add(rowIndex);
                    result.Keep.Add(kept);
                    result.DropReasons.Add(interned);
                }
            }
            return result;
        }
    }
}
