using CorpusQA.IO.Writers;

namespace CorpusQA.Cli;

/// <summary>Opens and commits atomic output files, turning file-system failures into <see cref="OutputException"/>.</summary>
internal static class OutputFiles
{
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
