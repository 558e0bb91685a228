using CorpusQA.Core.Documents;
using CorpusQA.IO.Writers;
using Parquet;
using Parquet.Schema;

namespace CorpusQA.IO;

/// <summary>Output format of <see cref="FilterOutputWriter"/>.</summary>
public enum FilterOutputFormat
{
    /// <summary>Parquet for Parquet inputs, JSON lines for JSON-lines and text inputs (no conversion).</summary>
    Auto,
    /// <summary>
    /// kept.parquet / removed.parquet: the input schema for Parquet inputs; for JSON-lines inputs, columns inferred
    /// from the first <see cref="FilterOutputOptions.RowGroupRows"/> records (see docs/io.md).
    /// </summary>
    Parquet,
    /// <summary>kept.jsonl / removed.jsonl with the input lines byte for byte (JSON-lines and text inputs).</summary>
    Jsonl,
}

/// <summary>Options of <see cref="FilterOutputWriter"/> with their defaults.</summary>
public sealed class FilterOutputOptions
{
    public FilterOutputFormat Format { get; init; } = FilterOutputFormat.Auto;

    /// <summary>File name, without extension, of the kept output (default "kept").</summary>
    public string KeptName { get; init; } = "kept";

    /// <summary>File name, without extension, of the removed output (default "removed").</summary>
    public string RemovedName { get; init; } = "removed";

    /// <summary>Rows per Parquet row group, and the records sampled to infer a schema from JSON lines (default 10,000).</summary>
    public int RowGroupRows { get; init; } = 10_000;
}

/// <summary>
/// The two outputs of <c>filter</c>: kept and removed records with their ORIGINAL columns unchanged (documents must be
/// read with <see cref="ReaderOptions.KeepOriginal"/>). The removed output has one more column/member,
/// <c>drop_reasons</c>: the reasons joined by ','. Both files are atomic (see <see cref="ParquetTableWriter"/>).
/// </summary>
public sealed class FilterOutputWriter : IAsyncDisposable
{
    /// <summary>The extra column of the removed output.</summary>
    public const string DropReasonsColumn = "drop_reasons";

    private readonly IPassThroughSink _kept;
    private readonly IPassThroughSink _removed;

    private FilterOutputWriter(FilterOutputFormat format, IPassThroughSink kept, IPassThroughSink removed)
    {
        Format = format;
        _kept = kept;
        _removed = removed;
    }

    /// <summary>The format chosen (never Auto).</summary>
    public FilterOutputFormat Format { get; }

    public long KeptCount => _kept.Count;

    public long RemovedCount => _removed.Count;

    /// <summary>
    /// Creates kept and removed outputs in <paramref name="outputDirectory"/> for documents from
    /// <paramref name="inputFiles"/> (the resolved inputs). For Parquet, every input's schema is checked up front
    /// (footers only): files whose schemas differ are a <see cref="CorpusInputException"/> naming the file.
    /// </summary>
    public static async Task<FilterOutputWriter> CreateAsync(string outputDirectory, IReadOnlyList<string> inputFiles,
        FilterOutputOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FilterOutputOptions();
        FilterOutputFormat format = ChooseFormat(inputFiles, options.Format);
        string kept = Path.Combine(outputDirectory, options.KeptName + Extension(format));
        string removed = Path.Combine(outputDirectory, options.RemovedName + Extension(format));
        if (format == FilterOutputFormat.Jsonl)
            return new FilterOutputWriter(format, new JsonlPassThroughSink(kept, false), new JsonlPassThroughSink(removed, true));
        if (!inputFiles.Any(f => InputFormats.Detect(f) == InputFormat.Parquet))
        {
            var converter = new JsonParquetPassThrough(kept, removed, options.RowGroupRows);
            return new FilterOutputWriter(format, converter.KeptSink, converter.RemovedSink);
        }

        var (schema, metadata) = await CommonSchemaAsync(inputFiles, cancellationToken).ConfigureAwait(false);
        var keptSink = await ParquetPassThroughSink.CreateAsync(kept, schema, ParquetKeyValueMetadata.ForKept(metadata), false,
            options.RowGroupRows, cancellationToken).ConfigureAwait(false);
        try
        {
            var removedSink = await ParquetPassThroughSink.CreateAsync(removed, schema, ParquetKeyValueMetadata.ForRemoved(metadata), true,
                options.RowGroupRows, cancellationToken).ConfigureAwait(false);
            return new FilterOutputWriter(format, keptSink, removedSink);
        }
        catch
        {
            await keptSink.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Writes one document to kept or removed (with its drop reasons).</summary>
    public ValueTask WriteAsync(Document document, bool keep, IReadOnlyList<string>? dropReasons = null,
        CancellationToken cancellationToken = default) =>
        keep
            ? _kept.WriteAsync(document, null, cancellationToken)
            : _removed.WriteAsync(document, dropReasons is null ? "" : string.Join(',', dropReasons), cancellationToken);

    /// <summary>Finishes both files under their final names; returns (kept, removed) paths.</summary>
    public Task<(string Kept, string Removed)> CompleteAsync(CancellationToken cancellationToken = default) =>
        FinishAsync(false, cancellationToken);

    /// <summary>Finishes both files as <c>kept.partial.*</c> / <c>removed.partial.*</c> (a run that stopped early).</summary>
    public Task<(string Kept, string Removed)> CompletePartialAsync(CancellationToken cancellationToken = default) =>
        FinishAsync(true, cancellationToken);

    private async Task<(string, string)> FinishAsync(bool partial, CancellationToken cancellationToken)
    {
        string kept = await _kept.CompleteAsync(partial, cancellationToken).ConfigureAwait(false);
        string removed = await _removed.CompleteAsync(partial, cancellationToken).ConfigureAwait(false);
        return (kept, removed);
    }

    private static FilterOutputFormat ChooseFormat(IReadOnlyList<string> inputFiles, FilterOutputFormat requested)
    {
        bool anyParquet = inputFiles.Any(f => InputFormats.Detect(f) == InputFormat.Parquet);
        bool anyOther = inputFiles.Any(f => InputFormats.Detect(f) != InputFormat.Parquet);
        if (anyParquet && anyOther)
            throw new CorpusInputException(inputFiles.First(f => InputFormats.Detect(f) != InputFormat.Parquet), null,
                "filter outputs keep the original columns, so the inputs must be all Parquet or all JSON lines/text");
        FilterOutputFormat natural = anyParquet ? FilterOutputFormat.Parquet : FilterOutputFormat.Jsonl;
        if (anyParquet && requested == FilterOutputFormat.Jsonl)
            throw new CorpusInputException(inputFiles[0], null,
                "Parquet inputs are passed through as Parquet only (their columns may not be JSON); use the Parquet output format");
        return requested == FilterOutputFormat.Auto ? natural : requested;
    }

    private static string Extension(FilterOutputFormat format) => format == FilterOutputFormat.Parquet ? ".parquet" : ".jsonl";

    /// <summary>
    /// The schema all Parquet inputs share and the first readable input's key-value metadata; unreadable files are left
    /// for the reader to report.
    /// </summary>
    private static async Task<(ParquetSchema, IReadOnlyDictionary<string, string>)> CommonSchemaAsync(IReadOnlyList<string> files,
        CancellationToken cancellationToken)
    {
        ParquetSchema? first = null;
        IReadOnlyDictionary<string, string> metadata = new Dictionary<string, string>();
        string? firstFile = null;
        foreach (string file in files)
        {
            ParquetSchema schema;
            try
            {
                if (new FileInfo(file).Length == 0) continue;
                await using ParquetReader reader = await ParquetReader.CreateAsync(file, null, cancellationToken).ConfigureAwait(false);
                schema = reader.Schema;
                if (first is null) metadata = new Dictionary<string, string>(reader.CustomMetadata ?? new Dictionary<string, string>());
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                continue;
            }
            if (first is null)
            {
                (first, firstFile) = (schema, file);
            }
            else if (!schema.Equals(first))
            {
                throw new CorpusInputException(file, null,
                    $"its schema differs from {firstFile}, so kept/removed cannot share one schema: " +
                    schema.GetNotEqualsMessage(first, file, firstFile!));
            }
        }
        return (first ?? throw new CorpusInputException(files.Count > 0 ? files[0] : "(no input)", null,
            "no readable Parquet input to take the output schema from"), metadata);
    }

    /// <summary>Abandons outputs not yet completed (their temporary files are deleted).</summary>
    public async ValueTask DisposeAsync()
    {
        await _kept.DisposeAsync().ConfigureAwait(false);
        await _removed.DisposeAsync().ConfigureAwait(false);
    }
}
