using CorpusQA.IO.Writers;

namespace CorpusQA.Cli;

/// <summary>Opens and commits atomic output files, turning file-system failures into <see cref="OutputException"/>.</summary>
internal static class OutputFiles
{
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
        if (dir is not null) Faults.OutputFolder.Prepare(dir, null);
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
