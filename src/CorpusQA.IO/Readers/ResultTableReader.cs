using CorpusQA.Core.Documents;
using Parquet;
using Parquet.Schema;

namespace CorpusQA.IO;

/// <summary>
/// Reads a flat result table written by <see cref="ParquetTableWriter"/> (signals.parquet, verdicts.parquet) column by
/// column, one row group at a time: only the columns asked for are decoded, so replaying rules over a million rows
/// reads doubles into arrays instead of materialising rows. Errors are <see cref="CorpusInputException"/>s naming the file.
/// </summary>
public sealed class ResultTableReader : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly ParquetReader _reader;
    private readonly Dictionary<string, DataField> _fields;

    private ResultTableReader(string path, Stream stream, ParquetReader reader)
    {
        Path = path;
        _stream = stream;
        _reader = reader;
        _fields = reader.Schema.Fields.OfType<DataField>().Where(f => f.MaxRepetitionLevel == 0)
            .ToDictionary(f => f.Name, StringComparer.Ordinal);
        ColumnNames = reader.Schema.Fields.Select(f => f.Name).ToArray();
    }

    /// <summary>The file read.</summary>
    public string Path { get; }

    /// <summary>The columns in file order.</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>The footer's custom key-value metadata (empty when there is none).</summary>
    public IReadOnlyDictionary<string, string> Metadata => _reader.CustomMetadata ?? new Dictionary<string, string>();

    public int RowGroupCount => _reader.RowGroupCount;

    /// <summary>Rows in all row groups.</summary>
    public long RowCount => Enumerable.Range(0, _reader.RowGroupCount).Sum(g => _reader.RowGroups[g].RowCount);

    public bool HasColumn(string name) => _fields.ContainsKey(name);

    /// <summary>The column's type as a <see cref="TableColumnType"/>, or null for a type result tables do not use.</summary>
    public TableColumnType? ColumnType(string name)
    {
        if (!_fields.TryGetValue(name, out var field)) return null;
        Type t = field.ClrType;
        return t == typeof(string) || t == typeof(ReadOnlyMemory<char>) ? TableColumnType.String
            : t == typeof(int) ? TableColumnType.Int32
            : t == typeof(long) ? TableColumnType.Int64
            : t == typeof(double) ? TableColumnType.Double
            : t == typeof(float) ? TableColumnType.Float
            : t == typeof(bool) ? TableColumnType.Bool
            : null;
    }

    public static async Task<ResultTableReader> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        Stream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.RandomAccess);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CorpusInputException(path, null, $"cannot open: {e.Message}", e);
        }
        try
        {
            var reader = await ParquetReader.CreateAsync(stream, null, false, cancellationToken).ConfigureAwait(false);
            return new ResultTableReader(path, stream, reader);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or NotSupportedException or ArgumentException)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw new CorpusInputException(path, null, $"not a readable Parquet file: {e.Message}", e);
        }
    }

    /// <summary>The columns of row group <paramref name="index"/>, decoded on demand.</summary>
    public ResultRowGroup OpenRowGroup(int index) => new(this, _reader.OpenRowGroupReader(index));

    internal DataField Field(string name, Type clrType)
    {
        if (!_fields.TryGetValue(name, out var field))
            throw new CorpusInputException(Path, null, $"no column '{name}'");
        bool matches = field.ClrType == clrType || (clrType == typeof(string) && field.ClrType == typeof(ReadOnlyMemory<char>));
        if (!matches)
            throw new CorpusInputException(Path, null, $"column '{name}' has type {field.ClrType.Name}, expected {clrType.Name}");
        return field;
    }

    public async ValueTask DisposeAsync()
    {
        await _reader.DisposeAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>One row group of a <see cref="ResultTableReader"/>; each Read* decodes one whole column.</summary>
public sealed class ResultRowGroup : IDisposable
{
    private readonly ResultTableReader _table;
    private readonly ParquetRowGroupReader _group;

    internal ResultRowGroup(ResultTableReader table, ParquetRowGroupReader group)
    {
        _table = table;
        _group = group;
        RowCount = checked((int)group.RowCount);
    }

    public int RowCount { get; }

    /// <summary>A double column into <paramref name="values"/> (at least <see cref="RowCount"/> long); null becomes NaN.</summary>
    public async Task ReadDoublesAsync(string column, double[] values, CancellationToken cancellationToken = default)
    {
        var present = await ReadNullableAsync<double>(column, cancellationToken).ConfigureAwait(false);
        for (int i = 0; i < RowCount; i++) values[i] = present[i] ?? double.NaN;
    }

    /// <summary>
    /// Several double columns, <paramref name="columns"/>[i] into <paramref name="buffers"/>[i], each buffer grown to
    /// <see cref="RowCount"/> when shorter (so one set of buffers serves every row group); null becomes NaN.
    /// </summary>
    public async Task ReadDoublesAsync(IReadOnlyList<string> columns, double[][] buffers, CancellationToken cancellationToken = default)
    {
        for (int c = 0; c < columns.Count; c++)
        {
            if (buffers[c] is null || buffers[c].Length < RowCount) buffers[c] = new double[RowCount];
            await ReadDoublesAsync(columns[c], buffers[c], cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<double?[]> ReadNullableDoublesAsync(string column, CancellationToken cancellationToken = default) =>
        ReadNullableAsync<double>(column, cancellationToken);

    public Task<int?[]> ReadInt32sAsync(string column, CancellationToken cancellationToken = default) =>
        ReadNullableAsync<int>(column, cancellationToken);

    public Task<float?[]> ReadFloatsAsync(string column, CancellationToken cancellationToken = default) =>
        ReadNullableAsync<float>(column, cancellationToken);

    public Task<long?[]> ReadInt64sAsync(string column, CancellationToken cancellationToken = default) =>
        ReadNullableAsync<long>(column, cancellationToken);

    public Task<bool?[]> ReadBoolsAsync(string column, CancellationToken cancellationToken = default) =>
        ReadNullableAsync<bool>(column, cancellationToken);

    public async Task<string?[]> ReadStringsAsync(string column, CancellationToken cancellationToken = default)
    {
        var field = _table.Field(column, typeof(string));
        var values = new string?[RowCount];
        try
        {
            await _group.ReadAsync(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            throw new CorpusInputException(_table.Path, null, $"column '{column}': {e.Message}", e);
        }
        return values;
    }

    private async Task<T?[]> ReadNullableAsync<T>(string column, CancellationToken cancellationToken) where T : struct
    {
        var field = _table.Field(column, typeof(T));
        var values = new T?[RowCount];
        try
        {
            await _group.ReadAsync<T>(field, values.AsMemory(), null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            throw new CorpusInputException(_table.Path, null, $"column '{column}': {e.Message}", e);
        }
        return values;
    }

    public void Dispose() => _group.Dispose();
}
