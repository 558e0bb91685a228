namespace CorpusQA.Core.Documents;

/// <summary>One input document as a reader produced it.</summary>
public sealed class Document
{
    /// <summary>The document id: the id field's value, or the zero-based row index as text when the input has none.</summary>
    public required string Id { get; init; }

    /// <summary>True when the input has no id, so <see cref="Id"/> is the row index (unique within its file only).</summary>
    public bool IdIsRowIndex { get; init; }

    /// <summary>The document text (never null: readers reject null text as a bad row).</summary>
    public required string Text { get; init; }

    /// <summary>The file the document came from, as the user named it (after glob/directory expansion).</summary>
    public required string SourceFile { get; init; }

    /// <summary>Zero-based row (JSONL line, Parquet row, or 0 for a text file) within <see cref="SourceFile"/>.</summary>
    public required long RowIndex { get; init; }

    /// <summary>The values of the reader's extra fields (e.g. a label), in the order they were asked for; null when none were.</summary>
    public IReadOnlyList<string?>? Fields { get; init; }

    /// <summary>
    /// The reader's own copy of the original record (the JSONL line's bytes, the Parquet row's values), kept so
    /// that writers can pass the original columns through unchanged; opaque to everything else.
    /// </summary>
    public object? Original { get; init; }
}
