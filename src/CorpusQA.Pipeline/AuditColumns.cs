using System.Security.Cryptography;
using System.Text;
using CorpusQA.Core.Signals;
using CorpusQA.IO;

namespace CorpusQA.Pipeline;

/// <summary>The documented schema of signals.parquet (docs/signals.md lists the signal columns).</summary>
internal static class AuditColumns
{
    public const string DocIndex = "doc_index";
    public const string DocId = "doc_id";
    public const string SourceFile = "source_file";
    public const string RowIndex = "row_index";
    public const string ExactHash = "exact_hash";
    public const string ExactDupOf = "exact_dup_of";
    public const string ClusterId = "cluster_id";
    public const string ClusterSize = "cluster_size";
    public const string IsKeeper = "is_keeper";
    public const string KeeperId = "keeper_id";
    public const string EstJaccardToKeeper = "est_jaccard_to_keeper";
    public const string TrueJaccardToKeeper = "true_jaccard_to_keeper";
    public const string ClusterOversized = "cluster_oversized";
    public const string Keep = "keep";
    public const string DropReasons = "drop_reasons";

    /// <summary>The footer metadata key of signals.parquet that says which signals its columns hold.</summary>
    public const string SchemaKey = "corpusqa.signals_schema";

    /// <summary>Bumped when the layout of signals.parquet changes in a way the signal names do not show.</summary>
    public const int SchemaVersion = 1;

    /// <summary>
    /// "v1:" + SHA-256 (hex) of the registry's signal names in column order, joined by '\n': a replay refuses a
    /// signals.parquet whose signals were computed by another version (a renamed, added or redefined-by-order signal).
    /// </summary>
    public static string SignalsSchema(SignalRegistry registry) =>
        $"v{SchemaVersion}:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', registry.Signals.Select(s => s.Name)))));

    /// <summary>Writer options of signals.parquet: the default row groups plus the <see cref="SchemaKey"/> entry.</summary>
    public static ParquetTableWriterOptions SignalsTableOptions(SignalRegistry registry) =>
        new() { Metadata = new Dictionary<string, string> { [SchemaKey] = SignalsSchema(registry) } };

    /// <summary>
    /// The leading columns of every per-document table (signals, scores, verdicts, duplicates): doc_index, doc_id,
    /// source_file, row_index, in this order, as <see cref="WriteIdentity"/> fills them.
    /// </summary>
    public static IReadOnlyList<TableColumn> Identity { get; } =
    [
        new(DocIndex, TableColumnType.Int64),
        new(DocId, TableColumnType.String),
        new(SourceFile, TableColumnType.String),
        new(RowIndex, TableColumnType.Int64),
    ];

    /// <summary>Fills the <see cref="Identity"/> columns of the current row.</summary>
    public static void WriteIdentity(ParquetTableWriter table, long? docIndex, string? docId, string? sourceFile, long? rowIndex)
    {
        table.SetInt64(0, docIndex);
        table.SetString(1, docId);
        table.SetString(2, sourceFile);
        table.SetInt64(3, rowIndex);
    }

    /// <summary>
    /// Leading columns, then one double column per signal, then the model columns (when models ran), then the dedup
    /// columns (when dedup ran), then the verdict.
    /// </summary>
    public static List<TableColumn> For(SignalRegistry registry, bool withDedup, bool withModels = false)
    {
        var columns = new List<TableColumn>(Identity);
        columns.AddRange(registry.Signals.Select(s => new TableColumn(s.Name, TableColumnType.Double)));
        if (withModels) columns.AddRange(ModelColumns.Scores);
        if (withDedup)
        {
            columns.AddRange(DedupColumns());
        }

        columns.Add(new(Keep, TableColumnType.Bool));
        columns.Add(new(DropReasons, TableColumnType.String));
        return columns;
    }

    /// <summary>
    /// The per-document dedup columns, shared by signals.parquet and duplicates.parquet, in the order
    /// <see cref="DedupJoin.Write"/> fills them.
    /// </summary>
    public static IEnumerable<TableColumn> DedupColumns() =>
    [
        new(ExactHash, TableColumnType.String),
        new(ExactDupOf, TableColumnType.String),
        new(ClusterId, TableColumnType.Int64),
        new(ClusterSize, TableColumnType.Int32),
        new(IsKeeper, TableColumnType.Bool),
        new(KeeperId, TableColumnType.String),
        new(EstJaccardToKeeper, TableColumnType.Double),
        new(TrueJaccardToKeeper, TableColumnType.Double),
        new(ClusterOversized, TableColumnType.Bool),
    ];
}
