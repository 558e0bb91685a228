using System.Text.Json;
using CorpusQA.Core.Documents;

namespace CorpusQA.IO.Writers;

/// <summary>
/// kept.parquet / removed.parquet from JSON-lines (or text) inputs. The first <c>sampleRows</c> records (kept and
/// removed together) are held back to infer one schema (<see cref="JsonFieldSchema"/>); then both tables are created
/// and everything streams. A later record with a new field or a value the column cannot hold is an error naming it.
/// </summary>
internal sealed class JsonParquetPassThrough(string keptPath, string removedPath, int sampleRows) : IAsyncDisposable
{
    private readonly List<(Document Document, byte[] Line, bool Keep, string? Reasons)> _pending = [];
    private ParquetTableWriter? _kept, _removed;
    private Dictionary<string, int>? _columns;

    public long KeptCount { get; private set; }

    public long RemovedCount { get; private set; }

    public IPassThroughSink KeptSink => new Side(this, keep: true);

    public IPassThroughSink RemovedSink => new Side(this, keep: false);

    private async ValueTask WriteAsync(Document document, bool keep, string? reasons, CancellationToken cancellationToken)
    {
        byte[] line = document.Original switch
        {
            byte[] raw => raw,
            null => SynthesizeLine(document),
            _ => throw new InvalidOperationException(
                $"{document.SourceFile}: row {document.RowIndex}: a Parquet row cannot be converted from JSON lines"),
        };
        if (keep) KeptCount++;
        else RemovedCount++;
        if (_columns is null)
        {
            _pending.Add((document, line, keep, reasons));
            if (_pending.Count >= sampleRows) await StartAsync(cancellationToken).ConfigureAwait(false);
            return;
        }
        await WriteRowAsync(document, line, keep, reasons, cancellationToken).ConfigureAwait(false);
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        List<TableColumn> columns = JsonFieldSchema.Infer(_pending.Select(p => p.Line));
        if (columns.Count == 0) columns.Add(new TableColumn("text", TableColumnType.String));
        if (columns.Any(c => c.Name == FilterOutputWriter.DropReasonsColumn))
            throw new CorpusInputException(_pending[0].Document.SourceFile, null,
                $"the input already has a '{FilterOutputWriter.DropReasonsColumn}' field");
        _columns = columns.Select((c, i) => (c.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        _kept = await ParquetTableWriter.CreateAsync(keptPath, columns, null, cancellationToken).ConfigureAwait(false);
        _removed = await ParquetTableWriter.CreateAsync(removedPath,
            [.. columns, new TableColumn(FilterOutputWriter.DropReasonsColumn, TableColumnType.String)], null, cancellationToken).ConfigureAwait(false);
        foreach (var (document, line, keep, reasons) in _pending)
            await WriteRowAsync(document, line, keep, reasons, cancellationToken).ConfigureAwait(false);
        _pending.Clear();
    }

    private async Task WriteRowAsync(Document document, byte[] line, bool keep, string? reasons, CancellationToken cancellationToken)
    {
        ParquetTableWriter table = keep ? _kept! : _removed!;
        if (JsonFieldSchema.SetRow(table, _columns!.GetAlternateLookup<ReadOnlySpan<char>>(), line) is { } problem)
        {
            table.DiscardRow();
            throw new CorpusInputException(document.SourceFile, document.RowIndex, problem);
        }
        if (!keep) table.SetString(table.Columns.Count - 1, reasons ?? "");
        await table.EndRowAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> CompleteAsync(bool keep, bool partial, CancellationToken cancellationToken)
    {
        if (_columns is null) await StartAsync(cancellationToken).ConfigureAwait(false);
        ParquetTableWriter table = keep ? _kept! : _removed!;
        return partial
            ? await table.CompletePartialAsync(cancellationToken).ConfigureAwait(false)
            : await table.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static byte[] SynthesizeLine(Document document)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonlWriter.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("id", document.Id);
            json.WriteString("text", document.Text);
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        if (_kept is not null) await _kept.DisposeAsync().ConfigureAwait(false);
        if (_removed is not null) await _removed.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>One output's view of the shared converter.</summary>
    private sealed class Side(JsonParquetPassThrough owner, bool keep) : IPassThroughSink
    {
        public long Count => keep ? owner.KeptCount : owner.RemovedCount;

        public ValueTask WriteAsync(Document document, string? dropReasons, CancellationToken cancellationToken) =>
            owner.WriteAsync(document, keep, dropReasons, cancellationToken);

        public Task<string> CompleteAsync(bool partial, CancellationToken cancellationToken) =>
            owner.CompleteAsync(keep, partial, cancellationToken);

        // The owner is disposed once, by the removed side.
        public ValueTask DisposeAsync() => keep ? ValueTask.CompletedTask : owner.DisposeAsync();
    }
}
