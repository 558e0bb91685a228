using CorpusQA.IO.Writers;
using Parquet;
using Parquet.Schema;

namespace CorpusQA.IO;

/// <summary>
/// Writes a flat result table (signals.parquet, duplicates.parquet) row by row, buffered into row groups. Plain types
/// only, Snappy-compressed, so DuckDB, pyarrow and Spark read it. Written atomically: the file appears under its name
/// only after <see cref="CompleteAsync"/>; <see cref="CompletePartialAsync"/> keeps what was written as
/// <c>name.partial.parquet</c>; disposing without either deletes the temporary file.
/// </summary>
/// <example>
/// <code>
/// await using var table = await ParquetTableWriter.CreateAsync(path, [new("id", TableColumnType.String), new("score", TableColumnType.Double)]);
/// table.SetString(0, doc.Id); table.SetDouble(1, 0.5); await table.EndRowAsync();
/// await table.CompleteAsync();
/// </code>
/// </example>
public sealed class ParquetTableWriter : IAsyncDisposable
{
    private readonly AtomicFile _file;
    private readonly ParquetWriter _writer;
    private readonly TableColumnBuffer[] _buffers;
    private readonly ParquetTableWriterOptions _options;
    private int _rowInGroup;
    private long _stringChars;

    private ParquetTableWriter(AtomicFile file, ParquetWriter writer, IReadOnlyList<TableColumn> columns,
        TableColumnBuffer[] buffers, ParquetTableWriterOptions options)
    {
        _file = file;
        _writer = writer;
        Columns = columns;
        _buffers = buffers;
        _options = options;
    }

    /// <summary>The table's columns, in file order.</summary>
    public IReadOnlyList<TableColumn> Columns { get; }

    /// <summary>Rows ended so far.</summary>
    public long RowCount { get; private set; }

    public static async Task<ParquetTableWriter> CreateAsync(string path, IReadOnlyList<TableColumn> columns,
        ParquetTableWriterOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ParquetTableWriterOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RowGroupRows, 1);
        if (columns.Count == 0) throw new ArgumentException("a table needs at least one column", nameof(columns));
        var duplicate = columns.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"duplicate column '{duplicate.Key}'", nameof(columns));

        TableColumnBuffer[] buffers = columns.Select(c => TableColumnBuffer.Create(c, options.RowGroupRows)).ToArray();
        var file = new AtomicFile(path);
        try
        {
            var schema = new ParquetSchema(buffers.Select(b => (Field)b.Field));
            ParquetWriter writer = await ParquetWriter.CreateAsync(schema, file.Stream, ParquetDefaults.WriterOptions(),
                false, cancellationToken).ConfigureAwait(false);
            if (options.Metadata is { Count: > 0 } metadata) writer.CustomMetadata = new Dictionary<string, string>(metadata);
            return new ParquetTableWriter(file, writer, columns.ToArray(), buffers, options);
        }
        catch
        {
            await file.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The index of a column by name.</summary>
    public int ColumnIndex(string name)
    {
        for (int i = 0; i < Columns.Count; i++)
            if (Columns[i].Name == name) return i;
        throw new ArgumentException($"no column '{name}'", nameof(name));
    }

    public void SetString(int column, string? value)
    {
        Buffer<StringColumnBuffer>(column).Set(_rowInGroup, value);
        _stringChars += value?.Length ?? 0;
    }

    public void SetInt32(int column, int? value) => Buffer<ValueColumnBuffer<int>>(column).Set(_rowInGroup, value);

    public void SetInt64(int column, long? value) => Buffer<ValueColumnBuffer<long>>(column).Set(_rowInGroup, value);

    public void SetDouble(int column, double? value) => Buffer<ValueColumnBuffer<double>>(column).Set(_rowInGroup, value);

    public void SetFloat(int column, float? value) => Buffer<ValueColumnBuffer<float>>(column).Set(_rowInGroup, value);

    public void SetBool(int column, bool? value) => Buffer<ValueColumnBuffer<bool>>(column).Set(_rowInGroup, value);

    /// <summary>Ends the current row (columns not set are null); writes a row group when one is full.</summary>
    public async ValueTask EndRowAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _rowInGroup++;
        RowCount++;
        if (_rowInGroup == _options.RowGroupRows || _stringChars >= _options.RowGroupStringChars)
            await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Forgets the values set for the current row (the row is not written).</summary>
    internal void DiscardRow()
    {
        foreach (TableColumnBuffer buffer in _buffers) buffer.ClearRow(_rowInGroup);
    }

    /// <summary>Writes the rest and moves the file to its final name; returns that path.</summary>
    public Task<string> CompleteAsync(CancellationToken cancellationToken = default) => FinishAsync(partial: false, cancellationToken);

    /// <summary>Writes the rest as a valid file named <c>name.partial.parquet</c>; returns that path.</summary>
    public Task<string> CompletePartialAsync(CancellationToken cancellationToken = default) => FinishAsync(partial: true, cancellationToken);

    private async Task<string> FinishAsync(bool partial, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        await _writer.DisposeAsync().ConfigureAwait(false);
        return partial ? await _file.CommitPartialAsync().ConfigureAwait(false) : await _file.CommitAsync().ConfigureAwait(false);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_rowInGroup == 0) return;
        using (ParquetRowGroupWriter group = _writer.CreateRowGroup())
        {
            foreach (TableColumnBuffer buffer in _buffers)
                await buffer.WriteAsync(group, _rowInGroup, cancellationToken).ConfigureAwait(false);
            group.CompleteValidate();
        }
        foreach (TableColumnBuffer buffer in _buffers) buffer.Clear(_rowInGroup);
        _rowInGroup = 0;
        _stringChars = 0;
    }

    private TBuffer Buffer<TBuffer>(int column) where TBuffer : TableColumnBuffer =>
        _buffers[column] as TBuffer ?? throw new InvalidOperationException(
            $"column '{Columns[column].Name}' is {Columns[column].Type}; set it with Set{Columns[column].Type}");

    /// <summary>Abandons an uncompleted table (its temporary file is deleted); a completed one is left alone.</summary>
    public ValueTask DisposeAsync() => _file.DisposeAsync();
}
