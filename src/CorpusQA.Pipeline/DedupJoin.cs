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

    /// <summary>The record with the documents it points at named by id, as the output tables hold it.</summary>
    public ResolvedDedup Resolve(in DedupRecord record) => new(record.ExactHash, record.ExactDupOf is { } first ? _referencedIds[first] : null,
        record.ClusterId, record.ClusterSize, record.IsKeeper, record.IsKeeper ? null : _referencedIds[record.Keeper],
        record.EstJaccardToKeeper, record.TrueJaccardToKeeper, record.ClusterOversized, record.DropReason);

    /// <summary>
    /// Writes <paramref name="record"/>'s dedup columns, which start at <paramref name="firstColumn"/> in the order of
    /// <see cref="AuditColumns.DedupColumns"/> (look the index up once per table, not per row).
    /// </summary>
    public void Write(ParquetTableWriter table, int firstColumn, in DedupRecord record) => Resolve(record).Write(table, firstColumn);

    /// <summary>The id of a document other rows point at, or that a sample pair names.</summary>
    public string IdOf(int index) => _referencedIds[index];
}

/// <summary>One document's dedup columns with ids instead of indices: what a shard's apply stage needs from clustering.</summary>
internal readonly record struct ResolvedDedup(string ExactHash, string? ExactDupOfId, int ClusterId, int ClusterSize, bool IsKeeper,
    string? KeeperId, double EstJaccard, double? TrueJaccard, bool Oversized, string? DropReason)
{
    /// <summary>The columns of <see cref="AuditColumns.DedupColumns"/>, from <paramref name="firstColumn"/> on.</summary>
    public void Write(ParquetTableWriter table, int firstColumn)
    {
        int c = firstColumn;
        table.SetString(c++, ExactHash);
        table.SetString(c++, ExactDupOfId);
        table.SetInt64(c++, ClusterId);
        table.SetInt32(c++, ClusterSize);
        table.SetBool(c++, IsKeeper);
        table.SetString(c++, KeeperId);
        table.SetDouble(c++, EstJaccard);
        table.SetDouble(c++, TrueJaccard);
        table.SetBool(c, Oversized);
    }

    public void WriteTo(BinaryWriter writer)
    {
        writer.Write(ExactHash);
        WriteOptional(writer, ExactDupOfId);
        writer.Write(ClusterId);
        writer.Write(ClusterSize);
        writer.Write(IsKeeper);
        WriteOptional(writer, KeeperId);
        writer.Write(EstJaccard);
        writer.Write(TrueJaccard.HasValue);
        writer.Write(TrueJaccard ?? 0);
        writer.Write(Oversized);
        WriteOptional(writer, DropReason);
    }

    public static ResolvedDedup ReadFrom(BinaryReader reader)
    {
        string hash = reader.ReadString();
        string? dupOf = ReadOptional(reader);
        int cluster = reader.ReadInt32(), size = reader.ReadInt32();
        bool keeper = reader.ReadBoolean();
        string? keeperId = ReadOptional(reader);
        double est = reader.ReadDouble();
        bool hasTrue = reader.ReadBoolean();
        double truth = reader.ReadDouble();
        bool oversized = reader.ReadBoolean();
        return new(hash, dupOf, cluster, size, keeper, keeperId, est, hasTrue ? truth : null, oversized, ReadOptional(reader));
    }

    private static void WriteOptional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null) writer.Write(value);
    }

    private static string? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;
}
