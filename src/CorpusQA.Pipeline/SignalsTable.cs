using CorpusQA.Classify.Scoring;
using CorpusQA.Core.Rules;
using CorpusQA.Core.Signals;
using CorpusQA.IO;

namespace CorpusQA.Pipeline;

/// <summary>
/// signals.parquet, one row per document with its final verdict: written by the one-process audit, by each shard's
/// apply stage (signals-SHARD.parquet) and by the merge stage, through this one writer so the bytes agree.
/// </summary>
internal sealed class SignalsTable : IAsyncDisposable
{
    private readonly ParquetTableWriter _table;
    private readonly SignalRegistry _registry;
    private readonly int _signalColumns, _dedupColumns, _modelColumns, _keepColumn, _reasonsColumn;

    private SignalsTable(ParquetTableWriter table, SignalRegistry registry, bool dedup, bool models)
    {
        _table = table;
        _registry = registry;
        _signalColumns = table.ColumnIndex(registry.Signals[0].Name);
        _dedupColumns = dedup ? table.ColumnIndex(AuditColumns.ExactHash) : -1;
        _modelColumns = models ? table.ColumnIndex(ScoreColumns.QualityScore) : -1;
        _keepColumn = table.ColumnIndex(AuditColumns.Keep);
        _reasonsColumn = table.ColumnIndex(AuditColumns.DropReasons);
    }

    public static async Task<SignalsTable> CreateAsync(string path, SignalRegistry registry, bool dedup, bool models, CancellationToken ct) =>
        new(await ParquetTableWriter.CreateAsync(path, AuditColumns.For(registry, dedup, models), AuditColumns.SignalsTableOptions(registry), ct),
            registry, dedup, models);

    public async Task WriteAsync(long index, AuditRow row, string file, ResolvedDedup? dedup, bool keep, IReadOnlyList<string> reasons, CancellationToken ct)
    {
        AuditColumns.WriteIdentity(_table, index, row.DocId, file, row.RowIndex);
        for (int s = 0; s < _registry.Count; s++) _table.SetDouble(_signalColumns + s, row.Values[s]);
        if (_modelColumns >= 0) ModelColumns.Write(_table, _modelColumns, ScoresOf(row, _registry.Count));
        if (dedup is { } d && _dedupColumns >= 0) d.Write(_table, _dedupColumns);
        _table.SetBool(_keepColumn, keep);
        _table.SetString(_reasonsColumn, string.Join(',', reasons));
        await _table.EndRowAsync(ct);
    }

    public Task<string> CompleteAsync(bool partial, CancellationToken ct) => partial ? _table.CompletePartialAsync(ct) : _table.CompleteAsync(ct);

    public ValueTask DisposeAsync() => _table.DisposeAsync();

    /// <summary>A document's final drop reasons: its rule reasons, then its dedup reason; keep when there are none.</summary>
    public static bool Decide(AuditRow row, string? dedupReason, List<string> reasons)
    {
        reasons.Clear();
        reasons.AddRange(row.RuleReasons);
        if (dedupReason is not null) reasons.Add(dedupReason);
        return reasons.Count == 0;
    }

    /// <summary>The spilled row's model outputs back as scores (NaN: that model was absent).</summary>
    private static DocumentScores ScoresOf(AuditRow row, int signals) => new(
        double.IsNaN(row.Values[signals]) ? null : new Prediction(row.Values[signals], row.QualityLabel),
        double.IsNaN(row.Values[signals + 1]) ? null : new Prediction(row.Values[signals + 1], row.Script));
}
