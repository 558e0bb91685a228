using CorpusQA.Core.Documents;
using CorpusQA.Core.Rules;
using CorpusQA.Core.Signals;
using CorpusQA.IO;

namespace CorpusQA.Reports.Data;

/// <summary>How a scan bins and samples.</summary>
public sealed record ScanOptions
{
    /// <summary>Rows sampled into the page for the what-if section (all rows when there are no more). Default 4,000.</summary>
    public int WhatIfRows { get; init; } = 4000;

    /// <summary>Bins per histogram. Default 30.</summary>
    public int Bins { get; init; } = 30;

    /// <summary>Histogram range per value column (compare passes one shared range); null: from summary.json.</summary>
    public Func<string, (double Lo, double Hi)>? Ranges { get; init; }

    /// <summary>The largest clusters listed. Default 10.</summary>
    public int LargestClusters { get; init; } = 10;

    /// <summary>Seed of the what-if sample.</summary>
    public int Seed { get; init; } = 20240901;
}

/// <summary>
/// One pass over signals.parquet, a row group at a time: the rule verdicts recomputed with the report's rule set
/// exactly as <c>corpusqa rules apply</c> computes them (rules in order, then the stored dedup verdict), the funnel,
/// reason counts and overlaps, histograms of every value column, the script mix, the duplicate clusters and the
/// what-if sample. Memory is bounded by the row group and the sample; the corpus is not read.
/// </summary>
public static class SignalScan
{
    internal const string DocIndex = "doc_index", DocId = "doc_id", SourceFile = "source_file", RowIndex = "row_index";
    internal const string ExactDupOf = "exact_dup_of", IsKeeper = "is_keeper", ClusterId = "cluster_id", ClusterSize = "cluster_size";
    internal const string ClusterOversized = "cluster_oversized", Script = "script", QualityLabel = "quality_label";
    public const string ExactReason = "exact_duplicate", NearReason = "near_duplicate";

    public static async Task<ScanResult> ScanAsync(string signalsPath, RuleSet rules, AuditSummary summary, ScanOptions? options = null,
        IReadOnlyCollection<long>? namedDocs = null, CancellationToken ct = default)
    {
        options ??= new ScanOptions();
        if (!File.Exists(signalsPath))
            throw new CorpusInputException(signalsPath, null, "not found: a report needs the signals.parquet that corpusqa audit writes");
        await using var table = await ResultTableReader.OpenAsync(signalsPath, ct).ConfigureAwait(false);
        var registry = SignalRegistry.Default;
        foreach (var column in new[] { DocIndex, DocId, SourceFile, RowIndex })
            if (!table.HasColumn(column)) throw new CorpusInputException(signalsPath, null, $"no column '{column}': not a corpusqa signals.parquet");
        foreach (var signal in registry.Signals)
            if (!table.HasColumn(signal.Name))
                throw new CorpusInputException(signalsPath, null, $"no column '{signal.Name}'; written by another version of corpusqa: re-run corpusqa audit");

        bool models = table.HasColumn(ScoreColumns.QualityScore);
        bool dedup = table.HasColumn(IsKeeper);
        string[] valueColumns = [.. registry.Signals.Select(s => s.Name), .. models ? ScoreColumns.All : []];
        var reportRules = ReportRule.From(rules, valueColumns);
        var thresholds = valueColumns.Select(c => reportRules.Where(r => r.Signal == c).Select(r => r.Threshold).ToArray()).ToArray();
        var histograms = valueColumns.Select((c, i) =>
        {
            var (lo, hi) = options.Ranges?.Invoke(c) ?? Histogram.Range(summary.Signal(c), thresholds[i]);
            return new Histogram(lo, hi, options.Bins);
        }).ToArray();
        var result = new ScanResult
        {
            ValueColumns = valueColumns,
            Rules = reportRules,
            HasDedup = dedup,
            HasModels = models,
            RuleFails = new long[reportRules.Count],
            Histograms = histograms,
        };

        int charColumn = registry.IndexOf("char_count"), wordColumn = registry.IndexOf("word_count");
        int[] sampleColumns = [.. reportRules.Select(r => r.Column).Distinct().Order()];
        var sampler = new Reservoir(options.WhatIfRows, sampleColumns.Length, options.Seed);
        var named = namedDocs is null ? [] : new HashSet<long>(namedDocs);
        var columns = new double[valueColumns.Length][];
        var row = new double[valueColumns.Length];
        var reasons = new List<string>(8);
        var broken = new bool[4];
        var largest = new PriorityQueue<ClusterInfo, (int, long)>();
        for (int g = 0; g < table.RowGroupCount; g++)
        {
            using var group = table.OpenRowGroup(g);
            int rows = group.RowCount;
            await group.ReadDoublesAsync(valueColumns, columns, ct).ConfigureAwait(false);
            var docIndex = await group.ReadInt64sAsync(DocIndex, ct).ConfigureAwait(false);
            var isKeeper = dedup ? await group.ReadBoolsAsync(IsKeeper, ct).ConfigureAwait(false) : null;
            var exactDupOf = dedup ? await group.ReadStringsAsync(ExactDupOf, ct).ConfigureAwait(false) : null;
            var clusterId = dedup ? await group.ReadInt64sAsync(ClusterId, ct).ConfigureAwait(false) : null;
            var clusterSize = dedup ? await group.ReadInt32sAsync(ClusterSize, ct).ConfigureAwait(false) : null;
            var oversized = dedup && table.HasColumn(ClusterOversized) ? await group.ReadBoolsAsync(ClusterOversized, ct).ConfigureAwait(false) : null;
            var script = models ? await group.ReadStringsAsync(Script, ct).ConfigureAwait(false) : null;
            var qualityLabel = models ? await group.ReadStringsAsync(QualityLabel, ct).ConfigureAwait(false) : null;
            string?[]? docId = null, sourceFile = null;
            long?[]? rowIndex = null;

            for (int r = 0; r < rows; r++)
            {
                long index = docIndex[r] ?? result.Rows;
                for (int c = 0; c < row.Length; c++)
                {
                    double v = columns[c][r];
                    row[c] = v;
                    histograms[c].Add(v);
                }
                double chars = row[charColumn];
                result.Chars += chars;
                result.Words += row[wordColumn];

                reasons.Clear();
                Array.Clear(broken);
                foreach (var rule in reportRules)
                {
                    if (rule.Passes(row[rule.Column])) continue;
                    result.RuleFails[rule.Index]++;
                    broken[(int)rule.Stage] = true;
                    if (!reasons.Contains(rule.Reason)) reasons.Add(rule.Reason);
                }
                var dup = DupKind.None;
                if (isKeeper is not null && isKeeper[r] == false) dup = exactDupOf![r] is not null ? DupKind.Exact : DupKind.Near;
                if (dup == DupKind.Exact) { reasons.Add(ExactReason); broken[(int)FunnelStage.ExactDedup] = true; result.ExactDuplicates++; }
                if (dup == DupKind.Near) { reasons.Add(NearReason); broken[(int)FunnelStage.NearDedup] = true; result.NearDuplicates++; }
                int stage = Array.IndexOf(broken, true);
                if (stage < 0)
                {
                    result.KeptDocs++;
                    result.KeptChars += chars;
                }
                else
                {
                    result.StageDocs[stage]++;
                    result.StageChars[stage] += chars;
                }
                CountReasons(result, reasons);

                if (script is not null) Increment(result.Scripts, script[r] ?? "(none)");
                if (qualityLabel is not null) Increment(result.QualityLabels, qualityLabel[r] ?? "(none)");
                bool isRoot = clusterId is not null && clusterId[r] == index;
                if (isRoot)
                {
                    int size = clusterSize![r] ?? 1;
                    result.ClusterSizes[size] = result.ClusterSizes.GetValueOrDefault(size) + 1;
                    if (size > 1)
                    {
                        docId ??= await group.ReadStringsAsync(DocId, ct).ConfigureAwait(false);
                        sourceFile ??= await group.ReadStringsAsync(SourceFile, ct).ConfigureAwait(false);
                        var info = new ClusterInfo(index, size, docId[r] ?? "", sourceFile[r] ?? "", oversized?[r] == true);
                        largest.Enqueue(info, (size, -index));
                        if (largest.Count > options.LargestClusters) largest.Dequeue();
                    }
                }
                if (named.Contains(index))
                {
                    docId ??= await group.ReadStringsAsync(DocId, ct).ConfigureAwait(false);
                    sourceFile ??= await group.ReadStringsAsync(SourceFile, ct).ConfigureAwait(false);
                    rowIndex ??= await group.ReadInt64sAsync(RowIndex, ct).ConfigureAwait(false);
                    result.Named[index] = new DocIdentity(index, docId[r] ?? "", sourceFile[r] ?? "", rowIndex[r] ?? -1);
                }
                sampler.Offer(index, row, sampleColumns, dup, chars);
                result.Rows++;
            }
        }

        while (largest.Count > 0) result.LargestClusters.Add(largest.Dequeue());
        result.LargestClusters.Reverse();
        result.Sample = sampler.ToSample([.. sampleColumns.Select(c => valueColumns[c])]);
        return result;
    }

    private static void CountReasons(ScanResult result, List<string> reasons)
    {
        if (reasons.Count == 0) return;
        foreach (var reason in reasons) Increment(result.ReasonCounts, reason);
        if (reasons.Count == 1) Increment(result.ReasonOnly, reasons[0]);
        for (int a = 0; a < reasons.Count; a++)
            for (int b = a + 1; b < reasons.Count; b++)
                Increment(result.ReasonPairs, ScanResult.PairKey(reasons[a], reasons[b]));
    }

    private static void Increment(Dictionary<string, long> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    /// <summary>Algorithm R over the rows with a fixed seed: the same file gives the same sample.</summary>
    private sealed class Reservoir(int capacity, int width, int seed)
    {
        private readonly Random _random = new(seed);
        private readonly List<(long Index, double[] Values, DupKind Dup, double Chars)> _rows = [];
        private long _seen;

        public void Offer(long index, double[] row, int[] columns, DupKind dup, double chars)
        {
            long seen = _seen++;
            int slot;
            if (_rows.Count < capacity) slot = -1;
            else
            {
                long j = _random.NextInt64(seen + 1);
                if (j >= capacity) return;
                slot = (int)j;
            }
            var values = new double[width];
            for (int i = 0; i < width; i++) values[i] = row[columns[i]];
            var entry = (index, values, dup, chars);
            if (slot < 0) _rows.Add(entry);
            else _rows[slot] = entry;
        }

        public WhatIfSample ToSample(IReadOnlyList<string> names)
        {
            var rows = _rows.OrderBy(r => r.Index).ToList();
            var values = Enumerable.Range(0, names.Count).Select(c => rows.Select(r => r.Values[c]).ToArray()).ToList();
            return new WhatIfSample(names, values, [.. rows.Select(r => (byte)r.Dup)], [.. rows.Select(r => r.Chars)], [.. rows.Select(r => r.Index)]);
        }
    }
}
