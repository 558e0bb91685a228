using CorpusQA.Core.Dedup;
using CorpusQA.IO;

namespace CorpusQA.Cli.Runs;

/// <summary>
/// Turns dedup's document indices into document ids for the output tables. Only the documents other rows point at
/// (keepers of clusters, first copies of exact duplicates, sample pairs) are remembered, so memory follows the number of
/// clusters, not of documents.
/// </summary>
internal sealed class DedupJoin
{
    private readonly DedupResult _result;
    private readonly Dictionary<int, string> _referencedIds = new();

    public DedupJoin(DedupResult result, IEnumerable<AuditRow> rowsInOrder)
    {
        _result = result;
        var referenced = new HashSet<int>();
        foreach (var record in result.Records())
        {
            if (!record.IsKeeper) referenced.Add(record.Keeper);
            if (record.ExactDupOf is { } first) referenced.Add(first);
        }

        foreach (var pair in result.SamplePairs)
        {
            referenced.Add(pair.Doc);
            referenced.Add(pair.Keeper);
        }

        if (referenced.Count == 0) return;
        int index = 0;
        foreach (var row in rowsInOrder)
        {
            if (referenced.Contains(index)) _referencedIds[index] = row.DocId;
            index++;
        }
    }

    public DedupRecord this[int index] => _result[index];

    /// <summary>Writes the dedup columns of document <paramref name="index"/> (column indices looked up by name).</summary>
    public void Write(ParquetTableWriter table, int index)
    {
        var r = _result[index];
        table.SetString(table.ColumnIndex(AuditColumns.ExactHash), r.ExactHash);
        table.SetString(table.ColumnIndex(AuditColumns.ExactDupOf), r.ExactDupOf is { } first ? _referencedIds[first] : null);
        table.SetInt64(table.ColumnIndex(AuditColumns.ClusterId), r.ClusterId);
        table.SetInt32(table.ColumnIndex(AuditColumns.ClusterSize), r.ClusterSize);
        table.SetBool(table.ColumnIndex(AuditColumns.IsKeeper), r.IsKeeper);
        table.SetString(table.ColumnIndex(AuditColumns.KeeperId), r.IsKeeper ? null : _referencedIds[r.Keeper]);
        table.SetDouble(table.ColumnIndex(AuditColumns.EstJaccardToKeeper), r.EstJaccardToKeeper);
        table.SetDouble(table.ColumnIndex(AuditColumns.TrueJaccardToKeeper), r.TrueJaccardToKeeper);
        table.SetBool(table.ColumnIndex(AuditColumns.ClusterOversized), r.ClusterOversized);
    }

    /// <summary>The id of a document other rows point at, or that a sample pair names.</summary>
    public string IdOf(int index) => _referencedIds[index];
}
