using CorpusQA.IO.Writers;

namespace CorpusQA.Pipeline;

/// <summary>Opens and commits atomic output files, turning file-system failures into <see cref="OutputException"/>.</summary>
internal static class OutputFiles
{
    /// <summary>Creates (or opens) an output folder; a failure is an <see cref="OutputException"/> (exit code 4).</summary>
    public static string CreateDirectory(string path)
    {
        try
        {
            return Directory.CreateDirectory(path).FullName;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"{path}: {ex.Message}", ex);
        }
    }

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
