using Parquet;
using Parquet.Schema;

namespace CorpusQA.IO.Writers;

/// <summary>The rows of one row group for one column of a <see cref="ParquetTableWriter"/>.</summary>
internal abstract class TableColumnBuffer(DataField field)
{
    public DataField Field { get; } = field;

    public static TableColumnBuffer Create(TableColumn column, int capacity) => column.Type switch
    {
        TableColumnType.String => new StringColumnBuffer(column.Name, capacity),
        TableColumnType.Int32 => new ValueColumnBuffer<int>(column.Name, capacity),
        TableColumnType.Int64 => new ValueColumnBuffer<long>(column.Name, capacity),
        TableColumnType.Double => new ValueColumnBuffer<double>(column.Name, capacity),
        TableColumnType.Float => new ValueColumnBuffer<float>(column.Name, capacity),
        TableColumnType.Bool => new ValueColumnBuffer<bool>(column.Name, capacity),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, "unknown column type"),
    };

    public abstract Task WriteAsync(ParquetRowGroupWriter writer, int rows, CancellationToken cancellationToken);

    /// <summary>Makes every slot null again for the next row group.</summary>
    public abstract void Clear(int rows);

    /// <summary>Makes one slot null again (a row abandoned before it was ended).</summary>
    public void ClearRow(int row) => Clear(row, 1);

    protected abstract void Clear(int row, int count);
}

internal sealed class ValueColumnBuffer<T>(string name, int capacity) : TableColumnBuffer(new DataField<T?>(name))
    where T : struct
{
    private readonly T?[] _values = new T?[capacity];

    public void Set(int row, T? value) => _values[row] = value;

    public override Task WriteAsync(ParquetRowGroupWriter writer, int rows, CancellationToken cancellationToken) =>
        writer.WriteAsync<T>(Field, _values.AsMemory(0, rows), null, null, cancellationToken);

    public override void Clear(int rows) => Array.Clear(_values, 0, rows);

    protected override void Clear(int row, int count) => Array.Clear(_values, row, count);
}

internal sealed class StringColumnBuffer(string name, int capacity) : TableColumnBuffer(new DataField<string>(name, nullable: true))
{
    private readonly string?[] _values = new string?[capacity];

    public void Set(int row, string? value) => _values[row] = value;

    public override Task WriteAsync(ParquetRowGroupWriter writer, int rows, CancellationToken cancellationToken) =>
        writer.WriteAsync(Field, new ArraySegment<string>(_values!, 0, rows), null);

    public override void Clear(int rows) => Array.Clear(_values, 0, rows);

    protected override void Clear(int row, int count) => Array.Clear(_values, row, count);
}
