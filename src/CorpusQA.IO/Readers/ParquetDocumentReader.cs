using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CorpusQA.Core.Documents;
using Parquet;
using Parquet.Data;
using Parquet.Schema;

namespace CorpusQA.IO.Readers;

/// <summary>
/// Reads a Parquet file row group by row group, so memory follows the largest row group, not the file. Without
/// <see cref="ReaderOptions.KeepOriginal"/> only the text and id columns are decoded.
/// </summary>
internal sealed class ParquetDocumentReader(string file, ReaderOptions options) : IDocumentReader
{
    private readonly BadRecordPolicy _policy = new(file, options);

    public string File => file;

    public async IAsyncEnumerable<Document> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ParquetReader? reader = await OpenAsync(cancellationToken).ConfigureAwait(false);
        if (reader is null) yield break;
        await using (reader.ConfigureAwait(false))
        {
            if (ParquetColumns.Resolve(reader.Schema, options, out string? problem) is not { } columns)
            {
                _policy.Report(null, problem!);
                yield break;
            }
            DataField[] fields = options.KeepOriginal ? reader.Schema.DataFields : columns.Needed;
            long firstRow = 0;
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
                long rowCount = group.RowCount;
                ParquetColumnChunk[]? chunks = await ReadGroupAsync(group, fields, firstRow, cancellationToken).ConfigureAwait(false);
                if (chunks is null) yield break;
                ParquetColumnChunk text = chunks[Array.IndexOf(fields, columns.Text)];
                ParquetColumnChunk? id = columns.Id is null ? null : chunks[Array.IndexOf(fields, columns.Id)];
                ParquetColumnChunk[] extras = columns.Extras.Select(e => chunks[Array.IndexOf(fields, e)]).ToArray();
                var shared = options.KeepOriginal ? new ParquetRowGroupData(file, reader.Schema, chunks) : null;
                for (int row = 0; row < rowCount; row++)
                {
                    if ((row & 1023) == 0) cancellationToken.ThrowIfCancellationRequested();
                    Document? document = MakeDocument(text, id, extras, shared, row, firstRow + row);
                    if (document is not null) yield return document;
                }
                firstRow += rowCount;
            }
        }
    }

    private Document? MakeDocument(ParquetColumnChunk text, ParquetColumnChunk? id, ParquetColumnChunk[] extras,
        ParquetRowGroupData? shared, int row, long fileRow)
    {
        if (!text.TryGetFlatChars(row, out ReadOnlyMemory<char> chars))
        {
            _policy.Report(fileRow, $"text column '{text.Field.Name}' is null");
            return null;
        }
        // Three UTF-8 bytes per UTF-16 char at most: count exactly only when the bound exceeds the limit.
        if ((long)chars.Length * 3 > options.MaxDocumentBytes
            && _policy.CheckSize(Encoding.UTF8.GetByteCount(chars.Span)) is { } tooLong)
        {
            _policy.Report(fileRow, tooLong);
            return null;
        }
        string? idText = id?.FormatFlat(row);
        if (idText is null && options.IdField is { } idField)
        {
            _policy.Report(fileRow, $"id column '{idField}' is null");
            return null;
        }
        return new Document
        {
            Id = idText ?? fileRow.ToString(CultureInfo.InvariantCulture),
            IdIsRowIndex = idText is null,
            Text = new string(chars.Span),
            SourceFile = file,
            RowIndex = fileRow,
            Original = shared is null ? null : new ParquetOriginal(shared, row),
            Fields = extras.Length == 0 ? null : extras.Select(e => e.FormatFlat(row)).ToArray(),
        };
    }

    private async Task<ParquetReader?> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (new FileInfo(file).Length == 0)
            {
                _policy.Report(null, "not a valid Parquet file: the file is empty");
                return null;
            }
            return await ParquetReader.CreateAsync(file, null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not CorpusInputException)
        {
            _policy.Report(null, $"not a valid Parquet file: {ex.Message}", ex);
            return null;
        }
    }

    private async Task<ParquetColumnChunk[]?> ReadGroupAsync(ParquetRowGroupReader group, DataField[] fields,
        long firstRow, CancellationToken cancellationToken)
    {
        var chunks = new ParquetColumnChunk[fields.Length];
        try
        {
            for (int i = 0; i < fields.Length; i++)
            {
                using RawColumnData raw = await group.ReadRawColumnDataBaseAsync(fields[i], cancellationToken).ConfigureAwait(false);
                chunks[i] = ParquetColumnChunk.Copy(fields[i], raw, group.RowCount);
            }
            return chunks;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not CorpusInputException)
        {
            _policy.Report(firstRow, $"corrupt Parquet data in rows {firstRow}..{firstRow + group.RowCount - 1}: {ex.Message}", ex);
            return null;
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
