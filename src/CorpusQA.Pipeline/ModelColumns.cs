using CorpusQA.Classify.Scoring;
using CorpusQA.Core.Rules;
using CorpusQA.IO;

namespace CorpusQA.Pipeline;

/// <summary>The learned-score columns of signals.parquet and scores.parquet (docs/outputs.md).</summary>
internal static class ModelColumns
{
    public const string QualityLabel = "quality_label";
    public const string Script = "script";

    /// <summary>quality_score, quality_label, script, script_confidence: in this order, as <see cref="Write"/> fills them.</summary>
    public static IReadOnlyList<TableColumn> Scores { get; } =
    [
        new(ScoreColumns.QualityScore, TableColumnType.Double),
        new(QualityLabel, TableColumnType.String),
        new(Script, TableColumnType.String),
        new(ScoreColumns.ScriptConfidence, TableColumnType.Double),
    ];

    /// <summary>scores.parquet: doc_index, doc_id, source_file, row_index, then <see cref="Scores"/>.</summary>
    public static IReadOnlyList<TableColumn> ScoreTable { get; } =
    [
        .. AuditColumns.Identity,
        .. Scores,
    ];

    /// <summary>Writes the four score columns from column <paramref name="first"/> on (null where a model is absent).</summary>
    public static void Write(ParquetTableWriter table, int first, DocumentScores scores)
    {
        table.SetDouble(first, scores.Quality?.Score);
        table.SetString(first + 1, scores.Quality?.Label);
        table.SetString(first + 2, scores.Script?.Label);
        table.SetDouble(first + 3, scores.Script?.Score);
    }
}
