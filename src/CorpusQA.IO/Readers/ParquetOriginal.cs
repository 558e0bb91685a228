using Parquet.Schema;

namespace CorpusQA.IO.Readers;

/// <summary>All columns of one Parquet row group, shared by the documents of that group.</summary>
internal sealed class ParquetRowGroupData(string file, ParquetSchema schema, ParquetColumnChunk[] columns)
{
    public string File { get; } = file;

    public ParquetSchema Schema { get; } = schema;

    /// <summary>One chunk per data field, in <see cref="ParquetSchema.DataFields"/> order.</summary>
    public ParquetColumnChunk[] Columns { get; } = columns;
}

/// <summary><see cref="Core.Documents.Document.Original"/> of a Parquet row: its group and its row within the group.</summary>
internal sealed record ParquetOriginal(ParquetRowGroupData Group, int Row);
