namespace CorpusQA.Core.Documents;

/// <summary>
/// A user-facing input error: a missing or unreadable file, a corrupt record, a missing column. The message is one
/// line that names the file and, where known, the row; the command line prints it without a stack trace.
/// </summary>
public sealed class CorpusInputException : Exception
{
    public CorpusInputException(string file, long? row, string reason, Exception? inner = null)
        : base(Format(file, row, reason), inner)
    {
        File = file;
        Row = row;
        Reason = reason;
    }

    /// <summary>The file at fault.</summary>
    public string File { get; }

    /// <summary>Zero-based row (JSONL line number minus one, Parquet row) or null when the whole file is at fault.</summary>
    public long? Row { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Reason { get; }

    private static string Format(string file, long? row, string reason) =>
        row is { } r ? $"{file}: row {r}: {reason}" : $"{file}: {reason}";
}
