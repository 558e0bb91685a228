using CorpusQA.Core.Documents;
using CorpusQA.IO.Readers;
using Parquet;
using Parquet.Schema;

namespace CorpusQA.IO.Writers;

/// <summary>
/// Writes Parquet rows through unchanged: the input schema (plus a <c>drop_reasons</c> string column for the removed
/// output) and every column's values and levels copied from the source row groups, nested columns included.
/// </summary>
internal sealed class ParquetPassThroughSink : IPassThroughSink
{
    private readonly AtomicFile _file;
    private readonly ParquetWriter _writer;
    private readonly ParquetSchema _inputSchema;
    private readonly DataField[] _outputFields;
    private readonly DataField? _dropReasonsField;
    private readonly int _rowGroupRows;
    private readonly List<ParquetOriginal> _rows = [];
    private readonly List<string> _reasons = [];
    private ParquetSchema? _lastCheckedSchema;

    private ParquetPassThroughSink(AtomicFile file, ParquetWriter writer, ParquetSchema inputSchema,
        ParquetSchema outputSchema, bool withDropReasons, int rowGroupRows)
    {
        _file = file;
        _writer = writer;
        _inputSchema = inputSchema;
        _outputFields = outputSchema.DataFields;
        _dropReasonsField = withDropReasons ? _outputFields[^1] : null;
        _rowGroupRows = rowGroupRows;
    }

    public long Count { get; private set; }

    public static async Task<ParquetPassThroughSink> CreateAsync(string path, ParquetSchema inputSchema,
        IReadOnlyDictionary<string, string> metadata, bool withDropReasons, int rowGroupRows, CancellationToken cancellationToken)
    {
        ParquetSchema outputSchema = inputSchema;
        if (withDropReasons)
        {
            if (inputSchema.Fields.Any(f => f.Name == FilterOutputWriter.DropReasonsColumn))
                throw new CorpusInputException(path, null,
                    $"the input already has a '{FilterOutputWriter.DropReasonsColumn}' column");
            outputSchema = new ParquetSchema([.. inputSchema.Fields, new DataField<string>(FilterOutputWriter.DropReasonsColumn, nullable: true)]);
        }
        var file = new AtomicFile(path);
        try
        {
            ParquetWriter writer = await ParquetWriter.CreateAsync(outputSchema, file.Stream,
                ParquetDefaults.WriterOptions(), false, cancellationToken).ConfigureAwait(false);
            if (metadata.Count > 0) writer.CustomMetadata = new Dictionary<string, string>(metadata);
            return new ParquetPassThroughSink(file, writer, inputSchema, outputSchema, withDropReasons, rowGroupRows);
        }
        catch
        {
            await file.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask WriteAsync(Document document, string? dropReasons, CancellationToken cancellationToken)
    {
        if (document.Original is not ParquetOriginal original)
            throw new InvalidOperationException(
                $"{document.SourceFile}: row {document.RowIndex}: no Parquet original (read Parquet with ReaderOptions.KeepOriginal)");
        CheckSchema(original.Group);
        _rows.Add(original);
        if (_dropReasonsField is not null) _reasons.Add(dropReasons ?? "");
        Count++;
        if (_rows.Count >= _rowGroupRows) await FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<string> CompleteAsync(bool partial, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        await _writer.DisposeAsync().ConfigureAwait(false);
        return partial ? await _file.CommitPartialAsync().ConfigureAwait(false) : await _file.CommitAsync().ConfigureAwait(false);
    }

    private void CheckSchema(ParquetRowGroupData group)
    {
        if (ReferenceEquals(group.Schema, _lastCheckedSchema)) return;
        if (!group.Schema.Equals(_inputSchema))
            throw new CorpusInputException(group.File, null,
                "its schema differs from the first Parquet input, so kept/removed cannot share one schema: " +
                group.Schema.GetNotEqualsMessage(_inputSchema, "this file", "first input"));
        if (group.Columns.Length != _inputSchema.DataFields.Length)
            throw new InvalidOperationException($"{group.File}: rows were read without KeepOriginal");
        _lastCheckedSchema = group.Schema;
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_rows.Count == 0) return;
        using (ParquetRowGroupWriter group = _writer.CreateRowGroup())
        {
            for (int column = 0; column < _inputSchema.DataFields.Length; column++)
            {
                ParquetColumnBuilder builder = _rows[0].Group.Columns[column].CreateBuilder();
                foreach (ParquetOriginal row in _rows)
                    row.Group.Columns[column].AppendRow(builder, row.Row);
                await builder.WriteAsync(group, _outputFields[column], cancellationToken).ConfigureAwait(false);
            }
            if (_dropReasonsField is not null)
                await group.WriteAsync(_dropReasonsField, _reasons, null).ConfigureAwait(false);
            group.CompleteValidate();
        }
        _rows.Clear();
        _reasons.Clear();
    }

    public ValueTask DisposeAsync() => _file.DisposeAsync();
}
