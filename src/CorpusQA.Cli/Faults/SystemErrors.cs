namespace CorpusQA.Cli.Faults;

/// <summary>
/// Recognises the operating-system errors a batch tool must survive, wherever they surface (a writer, a spill, Parquet.Net
/// or a worker thread may wrap them). On Unix, .NET's <c>IOException.HResult</c> is the raw errno.
/// </summary>
internal static class SystemErrors
{
    private const int EPIPE = 32;
    private const int ENOSPC = 28;
    private const int EROFS = 30;
    private const int EFBIG = 27;
    private const int EDQUOT = 122;

    /// <summary>A full disk, an exceeded quota, a read-only file system or a file too large: the output side failed.</summary>
    public static IOException? OutputFailure(Exception ex) =>
        Find(ex, io => io.HResult is ENOSPC or EDQUOT or EROFS or EFBIG);

    /// <summary>Writing to a pipe whose reader has gone (<c>corpusqa segment big.jsonl | head</c>).</summary>
    public static bool IsBrokenPipe(Exception ex) => Find(ex, io => io.HResult == EPIPE) is not null;

    private static IOException? Find(Exception? ex, Func<IOException, bool> match)
    {
        for (int depth = 0; ex is not null && depth < 16; depth++)
        {
            if (ex is IOException io && match(io)) return io;
            if (ex is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                    if (Find(inner, match) is { } found) return found;
                return null;
            }
            ex = ex.InnerException;
        }

        return null;
    }
}
