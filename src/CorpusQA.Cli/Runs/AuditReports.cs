using CorpusQA.Core.Dedup;
using CorpusQA.Core.Rules;
using CorpusQA.Core.Signals;
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
        var docs = dedup is null ? [] : await PairTextsAsync(corpus, dedup, ct);
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
    /// The texts of the dedup sample pairs: the corpus read once more up to the last document needed (reading only,
    /// no analysis), because which documents pair up is known only after clustering.
    /// </summary>
    private static async Task<List<Snippet>> PairTextsAsync(InputCorpus corpus, DedupResult dedup, CancellationToken ct)
    {
        var wanted = dedup.SamplePairs.SelectMany(p => new long[] { p.Doc, p.Keeper }).ToHashSet();
        var found = new List<Snippet>();
        if (wanted.Count == 0) return found;
        long last = wanted.Max(), index = 0;
        await foreach (var doc in corpus.Reread(keepOriginal: false).ReadAllAsync(ct))
        {
            if (wanted.Contains(index))
                found.Add(Snippet.Of(index, doc.Id, doc.SourceFile, doc.RowIndex, doc.Text));
            if (++index > last) break;
        }
        return found;
    }
}
