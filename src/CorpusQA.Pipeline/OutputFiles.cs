using CorpusQA.IO.Writers;

namespace CorpusQA.Pipeline;

/// <summary>Opens and commits atomic output files, turning file-system failures into <see cref="OutputException"/>.</summary>
internal static class OutputFiles
{
    /// <summary>
    /// Creates (or opens) an output folder and checks that files can be created in it (a read-only mount or a folder
    /// without write permission is exit 4 at once, not after the first pass); returns its full path. A failure is an
    /// <see cref="OutputException"/>.
    /// </summary>
    public static string CreateDirectory(string path)
    {
        string full;
        try
        {
            full = Directory.CreateDirectory(path).FullName;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"{path}: {Reason(ex)}", ex);
        }

        string probe = Path.Combine(full, $".corpusqa-probe-{CorpusQA.Core.Pipeline.RunTag.Current}");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"{full}: cannot create files in this folder ({Reason(ex)})", ex);
        }

        return full;
    }

    /// <summary>"Read-only file system", "Permission denied": the system's reason without the path it already named.</summary>
    private static string Reason(Exception ex) => ex is UnauthorizedAccessException
        ? "permission denied"
        : ex.Message.Split(" : '")[0];

    /// <summary>An existing FIFO, device or /dev, /proc path: written directly, no folder to prepare.</summary>
    public static bool IsDeviceOrPipe(string path) => AtomicFile.IsWrittenDirectly(path);

    public static AtomicFile Create(string path)
    {
        try
        {
            return new AtomicFile(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"{path}: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Writes one whole file atomically: creates its folder, lets <paramref name="write"/> fill the temporary file,
    /// renames it into place and returns the final path; any file-system failure is an <see cref="OutputException"/>.
    /// </summary>
    public static async Task<string> WriteAsync(string path, Func<Stream, Task> write)
    {
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) CreateDirectory(dir);
        await using var file = Create(path);
        try
        {
            await write(file.Stream).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"{path}: {ex.Message}", ex);
        }
        return await CommitAsync(file).ConfigureAwait(false);
    }

    public static async Task<string> CommitAsync(AtomicFile file)
    {
        try
        {
            return await file.CommitAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"{file.FinalPath}: {ex.Message}", ex);
        }
    }
}

/// <summary>An output file or folder could not be written.</summary>
public sealed class OutputException(string message, Exception? inner = null) : Exception(message, inner);
