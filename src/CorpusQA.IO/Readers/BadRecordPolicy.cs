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
        $"text is {Size(bytes)}, over the {Size(limit)} limit (--max-doc-mb)";

    /// <summary>"16 MB", "50.0 MB", or "3000 bytes" below 1 MiB (a limit set that low comes from tests or tuning).</summary>
    private static string Size(long bytes)
    {
        const double MiB = 1024.0 * 1024.0;
        if (bytes < MiB) return bytes.ToString(CultureInfo.InvariantCulture) + " bytes";
        double mb = bytes / MiB;
        string number = mb == Math.Floor(mb)
            ? mb.ToString("0", CultureInfo.InvariantCulture)
            : mb.ToString("0.0", CultureInfo.InvariantCulture);
        return number + " MB";
    }
}
