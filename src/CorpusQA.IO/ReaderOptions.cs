namespace CorpusQA.IO;

/// <summary>How readers find the text and id of a record and what they do with bad records.</summary>
public sealed class ReaderOptions
{
    /// <summary>The default <see cref="MaxDocumentBytes"/>: 16 MiB.</summary>
    public const long DefaultMaxDocumentBytes = 16L * 1024 * 1024;

    /// <summary>Text field names tried, in this order, when <see cref="TextField"/> is null.</summary>
    public static IReadOnlyList<string> AutoTextFields { get; } = ["text", "content", "raw_content"];

    /// <summary>Default id field name, used when <see cref="IdField"/> is null and the record has it.</summary>
    public const string AutoIdField = "id";

    /// <summary>The text field or column; null (default) = the first of <see cref="AutoTextFields"/> present.</summary>
    public string? TextField { get; init; }

    /// <summary>
    /// The id field or column; null (default) = <c>id</c> when present, else the zero-based row index as text.
    /// When set explicitly, a record without it is a bad record.
    /// </summary>
    public string? IdField { get; init; }

    /// <summary>
    /// Further fields or columns to read as text into <see cref="Core.Documents.Document.Fields"/>, in this order
    /// (labels and groups for training). A JSON string is taken as is, a number or boolean as its JSON text, a missing
    /// field or null as null; a Parquet file without such a column is a bad file.
    /// </summary>
    public IReadOnlyList<string> ExtraFields { get; init; } = [];

    /// <summary>A text longer than this many UTF-8 bytes is a bad record. Default 16 MiB.</summary>
    public long MaxDocumentBytes { get; init; } = DefaultMaxDocumentBytes;

    /// <summary>
    /// False (default): the first bad record throws <see cref="Core.Documents.CorpusInputException"/>.
    /// True: bad records go to <see cref="OnBadRecord"/> and reading goes on (a corrupt or truncated file ends that
    /// file, reported once with a null row).
    /// </summary>
    public bool SkipBad { get; init; }

    /// <summary>Receives every skipped bad record when <see cref="SkipBad"/> is true (e.g. to write errors.jsonl).</summary>
    public Action<BadRecord>? OnBadRecord { get; init; }

    /// <summary>
    /// A second pass that needs only these rows (of the file being read): a reader may skip the others without
    /// parsing them and stop after the last (JSON lines do; other formats read everything and the caller picks).
    /// Null: every row.
    /// </summary>
    public IReadOnlySet<long>? OnlyRows { get; init; }

    /// <summary>
    /// Keep each record's original values in <see cref="Core.Documents.Document.Original"/> so filter outputs can pass
    /// them through. Default false: Parquet readers then read only the text and id columns, JSONL readers keep no
    /// line copy.
    /// </summary>
    public bool KeepOriginal { get; init; }

    /// <summary>Initial read buffer; small values exercise buffer growth and boundaries in tests.</summary>
    internal int ReadBufferBytes { get; init; } = 256 * 1024;
}

/// <summary>A record a reader skipped: the file, the zero-based row (null when the whole file is at fault), why.</summary>
public sealed record BadRecord(string File, long? Row, string Reason)
{
    /// <summary>The same one-line text a <see cref="Core.Documents.CorpusInputException"/> would carry.</summary>
    public override string ToString() => Row is { } r ? $"{File}: row {r}: {Reason}" : $"{File}: {Reason}";
}
