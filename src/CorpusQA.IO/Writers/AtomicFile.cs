using System.Globalization;

namespace CorpusQA.IO.Writers;

/// <summary>
/// A file written under a hidden temporary name in its final folder (<c>.name.tmp-PID</c>) and renamed into place only
/// by <see cref="CommitAsync"/> — or to <c>name.partial.ext</c> by <see cref="CommitPartialAsync"/> when a run stops
/// early. Disposing without committing deletes the temporary file; no existing final file is touched.
/// </summary>
public sealed class AtomicFile : IAsyncDisposable
{
    private const int BufferBytes = 1024 * 1024;
    private bool _done;

    public AtomicFile(string path)
    {
        FinalPath = path;
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        TempPath = Path.Combine(directory,
            $".{Path.GetFileName(path)}.tmp-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}");
        Stream = new FileStream(TempPath, FileMode.Create, FileAccess.ReadWrite, FileShare.None, BufferBytes,
            FileOptions.None);
    }

    public string FinalPath { get; }

    /// <summary>True once committed (or abandoned): the stream is closed.</summary>
    public bool IsDone => _done;

    public string TempPath { get; }

    /// <summary>Writable and seekable (Parquet.Net needs both).</summary>
    public FileStream Stream { get; }

    /// <summary>Where <see cref="CommitPartialAsync"/> puts the file: "signals.parquet" → "signals.partial.parquet".</summary>
    public static string PartialPath(string path)
    {
        string name = Path.GetFileName(path);
        int dot = name.IndexOf('.', 1);
        string partial = dot < 0 ? name + ".partial" : name[..dot] + ".partial" + name[dot..];
        return Path.Combine(Path.GetDirectoryName(path) ?? "", partial);
    }

    public Task<string> CommitAsync() => MoveAsync(FinalPath);

    public Task<string> CommitPartialAsync() => MoveAsync(PartialPath(FinalPath));

    private async Task<string> MoveAsync(string destination)
    {
        if (_done) throw new InvalidOperationException($"{FinalPath} was already completed or abandoned");
        _done = true;
        await Stream.FlushAsync().ConfigureAwait(false);
        Stream.Flush(flushToDisk: true);
        await Stream.DisposeAsync().ConfigureAwait(false);
        File.Move(TempPath, destination, overwrite: true);
        return destination;
    }

    /// <summary>Abandons an uncommitted file: closes and deletes the temporary.</summary>
    public async ValueTask DisposeAsync()
    {
        await Stream.DisposeAsync().ConfigureAwait(false);
        if (_done) return;
        _done = true;
        try
        {
            File.Delete(TempPath);
        }
        catch (IOException)
        {
            // Best effort: a leftover hidden temp file is harmless and names its process.
        }
    }
}
