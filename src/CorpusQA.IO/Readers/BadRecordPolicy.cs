using System.Globalization;
using CorpusQA.Core.Documents;

namespace CorpusQA.IO.Readers;

/// <summary>Applies <see cref="ReaderOptions.SkipBad"/>: report and go on, or throw.</summary>
internal sealed class BadRecordPolicy(string file, ReaderOptions options)
{
    public string File { get; } = file;

    /// <summary>Reports a bad record; returns normally only when bad records are skipped.</summary>
    public void Report(long? row, string reason, Exception? inner = null)
    {
        if (!options.SkipBad) throw new CorpusInputException(File, row, reason, inner);
        options.OnBadRecord?.Invoke(new BadRecord(File, row, reason));
    }

    /// <summary>Returns the reason a text of <paramref name="utf8Bytes"/> bytes is too long, or null if it fits.</summary>
    public string? CheckSize(long utf8Bytes) =>
        utf8Bytes <= options.MaxDocumentBytes ? null : TooLongReason(utf8Bytes, options.MaxDocumentBytes);

    public static string TooLongReason(long bytes, long limit) =>
        $"text is {Megabytes(bytes)} MB, over the {Megabytes(limit)} MB limit (--max-doc-mb)";

    private static string Megabytes(long bytes)
    {
        double mb = bytes / (1024.0 * 1024.0);
        return mb == Math.Floor(mb)
            ? mb.ToString("0", CultureInfo.InvariantCulture)
            : mb.ToString("0.0", CultureInfo.InvariantCulture);
    }
}
