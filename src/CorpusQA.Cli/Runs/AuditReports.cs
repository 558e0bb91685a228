using CorpusQA.Core.Dedup;
using CorpusQA.Core.Rules;
using CorpusQA.Core.Signals;
using CorpusQA.IO;
using CorpusQA.Reports;
using CorpusQA.Reports.Data;

namespace CorpusQA.Cli.Runs;

/// <summary>
/// The audit's report outputs: samples.json (the example texts signals.parquet cannot hold, chosen in the first pass;
/// the dedup sample pairs' texts read back after clustering) and report.html / report.md from the files just written.
/// </summary>
internal static class AuditReports
{
    public static SnippetSampler CreateSampler(RuleSet rules, SignalRegistry registry, bool models) =>
        new(rules, [.. registry.Signals.Select(s => s.Name), .. models ? ScoreColumns.All : []]);

    public static async Task<IReadOnlyList<string>> WriteAsync(string outDir, SnippetSampler sampler, DedupResult? dedup, InputCorpus corpus,
        RuleSet rules, CancellationToken ct)
    {
        var docs = dedup is null ? [] : await PairTextsAsync(Path.Combine(outDir, RulesReplay.SignalsFile), corpus, dedup, ct);
        var written = new List<string>
        {
            await OutputFiles.WriteAsync(Path.Combine(outDir, SnippetSamples.FileName), stream =>
            {
                sampler.Result(docs).Write(stream);
                return Task.CompletedTask;
            }),
        };
        written.AddRange(await ReportRun.WriteAsync(outDir, rules, ct));
        return written;
    }

    /// <summary>
    /// The texts of the dedup sample pairs, known only after clustering: where each document is (source file and
    /// row) comes from the signals.parquet just written, and only those rows are read again (JSON lines skip the
    /// others unparsed).
    /// </summary>
    private static async Task<List<Snippet>> PairTextsAsync(string signalsPath, InputCorpus corpus, DedupResult dedup, CancellationToken ct)
    {
        var wanted = dedup.SamplePairs.SelectMany(p => new long[] { p.Doc, p.Keeper }).ToHashSet();
        var found = new List<Snippet>();
        if (wanted.Count == 0) return found;
        var rows = new Dictionary<string, HashSet<long>>();
        var docAt = new Dictionary<(string File, long Row), long>();
        await using (var table = await ResultTableReader.OpenAsync(signalsPath, ct))
        {
            long first = 0;
            for (int g = 0; g < table.RowGroupCount; g++)
            {
                using var group = table.OpenRowGroup(g);
                long end = first + group.RowCount;
                if (wanted.Any(d => d >= first && d < end))
                {
                    var files = await group.ReadStringsAsync(AuditColumns.SourceFile, ct);
                    var rowIndex = await group.ReadInt64sAsync(AuditColumns.RowIndex, ct);
                    foreach (long doc in wanted)
                    {
                        if (doc < first || doc >= end) continue;
                        string file = files[doc - first]!;
                        long row = rowIndex[doc - first]!.Value;
                        if (!rows.TryGetValue(file, out var set)) rows[file] = set = [];
                        set.Add(row);
                        docAt[(file, row)] = doc;
                    }
                }
                first = end;
            }
        }

        await foreach (var doc in corpus.RereadRowsAsync(rows, ct))
            if (docAt.TryGetValue((doc.SourceFile, doc.RowIndex), out long index))
                found.Add(Snippet.Of(index, doc.Id, doc.SourceFile, doc.RowIndex, doc.Text));
        found.Sort((a, b) => a.DocIndex.CompareTo(b.DocIndex));
        return found;
    }
}
