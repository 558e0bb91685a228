using CorpusQA.Core.Pipeline;

namespace CorpusQA.IO.Writers;

/// <summary>
/// A file written under a hidden temporary name in its final folder (<c>.name.tmp-PID-START</c>, see
/// <see cref="RunTag"/>) and renamed into place only by <see cref="CommitAsync"/> — or to <c>name.partial.ext</c> by
/// <see cref="CommitPartialAsync"/> when a run stops early. Disposing without committing deletes the temporary file;
/// no existing final file is touched.
/// </summary>
/// <remarks>
/// A symlink is written through to its target (atomically there). An existing FIFO or character device
/// (<c>/dev/stdout</c>, <c>/dev/null</c>) is written directly: it cannot be renamed over, and committing only flushes.
/// </remarks>
public sealed class AtomicFile : IAsyncDisposable
{
    private const int BufferBytes = 1024 * 1024;
    private readonly string _writePath;
    private bool _done;

    public AtomicFile(string path)
    {
        FinalPath = path;
        (_writePath, IsDirect) = OutputTarget.Resolve(path);
        if (IsDirect)
        {
            TempPath = _writePath;
            Stream = new FileStream(_writePath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, BufferBytes, FileOptions.None);
            return;
        }

        string directory = Path.GetDirectoryName(_writePath)!;
        Directory.CreateDirectory(directory);
        TempPath = Path.Combine(directory, TempName(Path.GetFileName(_writePath)));
        Stream = new FileStream(TempPath, FileMode.Create, FileAccess.ReadWrite, FileShare.None, BufferBytes,
            FileOptions.None);
    }

    /// <summary>True when <paramref name="path"/> is an existing FIFO or device (or under /dev, /proc): no temporary file.</summary>
    public static bool IsWrittenDirectly(string path) => OutputTarget.Resolve(path).Direct;

    /// <summary>The hidden name this process writes <paramref name="fileName"/> under until it is complete.</summary>
    public static string TempName(string fileName) => $".{fileName}.tmp-{RunTag.Current}";

    public string FinalPath { get; }

    /// <summary>True once committed (or abandoned): the stream is closed.</summary>
    public bool IsDone => _done;

    /// <summary>The temporary file (for a FIFO or device written directly: the path itself).</summary>
    public string TempPath { get; }

    /// <summary>Written directly (an existing FIFO or device): no temporary file, no rename.</summary>
    public bool IsDirect { get; }

    /// <summary>Writable, and seekable unless <see cref="IsDirect"/> (Parquet.Net needs both).</summary>
    public FileStream Stream { get; }

    /// <summary>Where <see cref="CommitPartialAsync"/> puts the file: "signals.parquet" → "signals.partial.parquet".</summary>
    public static string PartialPath(string path)
    {
        string name = Path.GetFileName(path);
        int dot = name.IndexOf('.', 1);
        string partial = dot < 0 ? name + ".partial" : name[..dot] + ".partial" + name[dot..];
        return Path.Combine(Path.GetDirectoryName(path) ?? "", partial);
    }

    public Task<string> CommitAsync() => MoveAsync(_writePath, FinalPath);

    /// <summary>As <see cref="CommitAsync"/>, but under the partial name (a FIFO or device just gets the data).</summary>
    public Task<string> CommitPartialAsync() => IsDirect ? MoveAsync(_writePath, FinalPath) : MoveAsync(PartialPath(_writePath), PartialPath(FinalPath));

    private async Task<string> MoveAsync(string destination, string reported)
    {
        if (_done) throw new InvalidOperationException($"{FinalPath} was already completed or abandoned");
        try
        {
            await Stream.FlushAsync().ConfigureAwait(false);
            if (!IsDirect) Stream.Flush(flushToDisk: true);
            await Stream.DisposeAsync().ConfigureAwait(false);
            if (!IsDirect) File.Move(TempPath, destination, overwrite: true);
        }
        catch
        {
            await DisposeAsync().ConfigureAwait(false); // a full disk at the last flush still deletes the temporary
            throw;
        }

        _done = true;
        return reported;
    }

    /// <summary>Abandons an uncommitted file: closes and deletes the temporary.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Stream.DisposeAsync().ConfigureAwait(false);
        }
        catch (IOException) when (!_done)
        {
            // Flushing an abandoned file failed (e.g. the disk is full): it is deleted below anyway.
        }
        finally
        {
            if (!_done)
            {
                _done = true;
                if (!IsDirect) TryDelete(TempPath);
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover hidden temp file names its run; the next run into the folder removes it.
        }
    }
}
