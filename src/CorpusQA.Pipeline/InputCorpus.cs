using System.Runtime.CompilerServices;
using CorpusQA.Core.Documents;
using CorpusQA.IO;

namespace CorpusQA.Pipeline;

/// <summary>What a command needs to know to read its inputs.</summary>
internal sealed record InputCorpusOptions
{
    public string? TextField { get; init; }

    public string? IdField { get; init; }

    public bool SkipBad { get; init; }

    public long MaxDocumentBytes { get; init; } = ReaderOptions.DefaultMaxDocumentBytes;

    /// <summary>Further fields to read into <see cref="Document.Fields"/> (labels, groups).</summary>
    public IReadOnlyList<string> ExtraFields { get; init; } = [];

    /// <summary>Keep original records for pass-through writers (filter).</summary>
    public bool KeepOriginal { get; init; }

    /// <summary>Count documents that repeat an earlier id (8 bytes per document; audit, filter, dedup report it).</summary>
    public bool CountDuplicateIds { get; init; }

    /// <summary>Receives skipped bad records (e.g. to write errors.jsonl); they are also counted.</summary>
    public Action<BadRecord>? OnBadRecord { get; init; }
}

/// <summary>All documents of all inputs (files, directories, globs) as one stream, in input order.</summary>
internal sealed class InputCorpus
{
    private readonly InputCorpusOptions _options;
    private readonly DuplicateIds? _ids;
    private long _skipped;

    private InputCorpus(IReadOnlyList<string> files, InputCorpusOptions options, IReadOnlyList<string>? skippedOutputs = null)
    {
        _options = options;
        Files = files;
        SkippedOutputs = skippedOutputs ?? [];
        _ids = options.CountDuplicateIds ? new DuplicateIds() : null;
    }

    /// <summary>
    /// The corpus of the files that <paramref name="inputs"/> (files, directories, globs) name; directories and globs
    /// skip <paramref name="outputFolder"/> (the run's --out) and CorpusQA's own output files.
    /// </summary>
    public static InputCorpus Open(IReadOnlyList<string> inputs, InputCorpusOptions options, string? outputFolder = null)
    {
        var (files, skipped) = InputResolver.Resolve(inputs, outputFolder);
        return new(files, options, skipped);
    }

    /// <summary>Files in the input folders that were not read: the output folder's and CorpusQA's own outputs.</summary>
    public IReadOnlyList<string> SkippedOutputs { get; }

    /// <summary>Says in one line which output files the input expansion skipped (nothing when none).</summary>
    public void ReportSkippedOutputs(TextWriter error)
    {
        if (SkippedOutputs.Count == 0) return;
        error.WriteLine($"corpusqa: not reading {SkippedOutputs.Count} CorpusQA output {(SkippedOutputs.Count == 1 ? "file" : "files")} " +
            $"found among the inputs (the --out folder and earlier outputs), e.g. {SkippedOutputs[0]}");
    }

    /// <summary>The corpus of exactly these files (already resolved, e.g. one shard of a plan), in this order.</summary>
    public static InputCorpus OfFiles(IReadOnlyList<string> files, InputCorpusOptions options) => new(files, options);

    /// <summary>Each document with its position in the stream.</summary>
    public static async IAsyncEnumerable<(int Index, Document Doc)> Indexed(IAsyncEnumerable<Document> docs,
        [EnumeratorCancellation] CancellationToken ct)
    {
        int index = 0;
        await foreach (var doc in docs.WithCancellation(ct).ConfigureAwait(false))
        {
            yield return (index++, doc);
        }
    }

    /// <summary>
    /// The same files read again (a second pass), optionally keeping the original records; bad rows are skipped the
    /// same way but not reported twice.
    /// </summary>
    public InputCorpus Reread(bool keepOriginal) =>
        new(Files, _options with { KeepOriginal = keepOriginal, OnBadRecord = null, CountDuplicateIds = false });

    /// <summary>
    /// Some rows read again: <paramref name="rows"/> by file (files not in it are not opened). JSON lines files skip
    /// the other rows unparsed; other formats yield every document, so callers match on (SourceFile, RowIndex).
    /// </summary>
    public async IAsyncEnumerable<Document> RereadRowsAsync(IReadOnlyDictionary<string, HashSet<long>> rows,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var file in Files)
        {
            if (!rows.TryGetValue(file, out var wanted)) continue;
            await using var reader = DocumentReaders.Open(file, ReaderOptionsFor(keepOriginal: false, onBadRecord: null, onlyRows: wanted));
            await foreach (var doc in reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                if (wanted.Contains(doc.RowIndex)) yield return doc;
        }
    }

    /// <summary>The files the inputs expanded to, in reading order.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Bad rows skipped so far (with --skip-bad).</summary>
    public long SkippedRows => Interlocked.Read(ref _skipped);

    /// <summary>The ids read so far as sorted 64-bit hashes in <paramref name="path"/> (needs <see cref="InputCorpusOptions.CountDuplicateIds"/>).</summary>
    public void WriteIdHashes(string path) =>
        (_ids ?? throw new InvalidOperationException("the corpus was not opened with CountDuplicateIds")).WriteSorted(path);

    /// <summary>Documents read so far whose id an earlier one had (0 for a reread corpus); see <see cref="DuplicateIds"/>.</summary>
    public long DuplicateIdCount() => _ids?.Count() ?? 0;

    /// <summary>Sum of the input files' sizes in bytes (for a rough ETA).</summary>
    public long TotalFileBytes => Files.Sum(f => new FileInfo(f).Length);

    public async IAsyncEnumerable<Document> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var readerOptions = ReaderOptionsFor(_options.KeepOriginal, bad =>
        {
            Interlocked.Increment(ref _skipped);
            _options.OnBadRecord?.Invoke(bad);
        }, onlyRows: null);
        foreach (var file in Files)
        {
            await using var reader = DocumentReaders.Open(file, readerOptions);
            await foreach (var doc in reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                _ids?.Add(doc);
                yield return doc;
            }
        }
    }

    private ReaderOptions ReaderOptionsFor(bool keepOriginal, Action<BadRecord>? onBadRecord, IReadOnlySet<long>? onlyRows) => new()
    {
        TextField = _options.TextField,
        IdField = _options.IdField,
        SkipBad = _options.SkipBad,
        MaxDocumentBytes = _options.MaxDocumentBytes,
        KeepOriginal = keepOriginal,
        ExtraFields = _options.ExtraFields,
        OnBadRecord = onBadRecord,
        OnlyRows = onlyRows,
    };
}
