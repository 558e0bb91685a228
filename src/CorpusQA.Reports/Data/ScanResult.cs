namespace CorpusQA.Reports.Data;

/// <summary>A document's dedup verdict as signals.parquet stores it (is_keeper, exact_dup_of).</summary>
public enum DupKind : byte
{
    None = 0,
    Exact = 1,
    Near = 2,
}

/// <summary>A duplicate cluster (rows whose cluster_id is their own doc_index are the clusters' smallest members).</summary>
public sealed record ClusterInfo(long ClusterId, int Size, string DocId, string SourceFile, bool Oversized);

/// <summary>A row's identity (doc_id, source_file, row_index) for the documents a report names.</summary>
public sealed record DocIdentity(long DocIndex, string DocId, string SourceFile, long RowIndex);

/// <summary>
/// Per-document values sampled into the page for the what-if section: for each sampled row, the value of every
/// column a rule reads, the dedup verdict and the character count. All rows when the corpus has at most
/// <see cref="ScanOptions.WhatIfRows"/>; else a seeded uniform sample, in document order.
/// </summary>
public sealed record WhatIfSample(IReadOnlyList<string> Columns, IReadOnlyList<double[]> Values, byte[] Dup, double[] Chars, long[] DocIndex);

/// <summary>Everything a report shows that comes from one pass over signals.parquet.</summary>
public sealed class ScanResult
{
    public required IReadOnlyList<string> ValueColumns { get; init; }

    public required IReadOnlyList<ReportRule> Rules { get; init; }

    public required bool HasDedup { get; init; }

    public required bool HasModels { get; init; }

    public long Rows { get; set; }

    /// <summary>Sum of char_count (code points).</summary>
    public double Chars { get; set; }

    /// <summary>Sum of word_count (jieba words).</summary>
    public double Words { get; set; }

    /// <summary>Documents and characters each funnel stage removes (indexed by <see cref="FunnelStage"/>).</summary>
    public long[] StageDocs { get; } = new long[4];

    public double[] StageChars { get; } = new double[4];

    public long KeptDocs { get; set; }

    public double KeptChars { get; set; }

    /// <summary>Documents failing each rule (any other reason aside), by rule index.</summary>
    public required long[] RuleFails { get; init; }

    /// <summary>Documents per drop reason (rule reasons, then exact_duplicate / near_duplicate); a document counts once per reason.</summary>
    public Dictionary<string, long> ReasonCounts { get; } = new(StringComparer.Ordinal);

    /// <summary>Documents whose only reason is this one.</summary>
    public Dictionary<string, long> ReasonOnly { get; } = new(StringComparer.Ordinal);

    /// <summary>Documents with both reasons (unordered pair, key "a\nb" with a &lt; b ordinal).</summary>
    public Dictionary<string, long> ReasonPairs { get; } = new(StringComparer.Ordinal);

    public required Histogram[] Histograms { get; init; }

    public Dictionary<string, long> Scripts { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> QualityLabels { get; } = new(StringComparer.Ordinal);

    public long ExactDuplicates { get; set; }

    public long NearDuplicates { get; set; }

    /// <summary>Clusters by size (size → clusters), size-1 clusters included.</summary>
    public SortedDictionary<int, long> ClusterSizes { get; } = [];

    public List<ClusterInfo> LargestClusters { get; } = [];

    public Dictionary<long, DocIdentity> Named { get; } = [];

    public WhatIfSample? Sample { get; set; }

    public long Pairs(string a, string b) => ReasonPairs.TryGetValue(PairKey(a, b), out long n) ? n : 0;

    internal static string PairKey(string a, string b) => string.CompareOrdinal(a, b) < 0 ? a + "\n" + b : b + "\n" + a;
}
