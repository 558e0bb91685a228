using CorpusQA.Core.Dedup;
using CorpusQA.IO;

namespace CorpusQA.Pipeline;

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

    /// <summary>
    /// Writes <paramref name="record"/>'s dedup columns, which start at <paramref name="firstColumn"/> in the order of
    /// <see cref="AuditColumns.DedupColumns"/> (look the index up once per table, not per row).
    /// </summary>
    public void Write(ParquetTableWriter table, int firstColumn, in DedupRecord record)
    {
        int c = firstColumn;
        table.SetString(c++, record.ExactHash);
        table.SetString(c++, record.ExactDupOf is { } first ? _referencedIds[first] : null);
        table.SetInt64(c++, record.ClusterId);
        table.SetInt32(c++, record.ClusterSize);
        table.SetBool(c++, record.IsKeeper);
        table.SetString(c++, record.IsKeeper ? null : _referencedIds[record.Keeper]);
        table.SetDouble(c++, record.EstJaccardToKeeper);
        table.SetDouble(c++, record.TrueJaccardToKeeper);
        table.SetBool(c, record.ClusterOversized);
    }

    /// <summary>The id of a document other rows point at, or that a sample pair names.</summary>
    public string IdOf(int index) => _referencedIds[index];
}
