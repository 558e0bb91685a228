namespace CorpusQA.IO;

/// <summary>Column types of a <see cref="ParquetTableWriter"/> table; every column is nullable.</summary>
public enum TableColumnType
{
    /// <summary>UTF-8 string (Parquet BYTE_ARRAY, logical type STRING).</summary>
    String,
    /// <summary>32-bit signed integer.</summary>
    Int32,
    /// <summary>64-bit signed integer.</summary>
    Int64,
    /// <summary>64-bit float.</summary>
    Double,
    /// <summary>32-bit float.</summary>
    Float,
    /// <summary>Boolean.</summary>
    Bool,
}

/// <summary>A named, typed, nullable column of a result table.</summary>
public readonly record struct TableColumn(string Name, TableColumnType Type);

/// <summary>Options of <see cref="ParquetTableWriter"/> with their defaults.</summary>
public sealed class ParquetTableWriterOptions
{
    /// <summary>Rows per row group (default 50,000).</summary>
    public int RowGroupRows { get; init; } = 50_000;

    /// <summary>A row group is also closed once its string columns hold this many characters (default 32 M).</summary>
    public long RowGroupStringChars { get; init; } = 32L * 1024 * 1024;

    /// <summary>
    /// Key-value pairs written into the file footer (Parquet custom metadata), e.g. the schema version a reader
    /// checks before trusting the columns (default none).
    /// </summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}
