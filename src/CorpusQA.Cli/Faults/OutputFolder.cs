using CorpusQA.Core.Pipeline;

namespace CorpusQA.Cli.Faults;

/// <summary>
/// Readies an output folder before a run spends any time: creates it, checks that files can be created in it (a
/// read-only mount or a folder without write permission is exit 4 at once, not after the first pass), and removes the
/// temporary files that killed runs left there (see <see cref="StaleTempFiles"/>).
/// </summary>
internal static class OutputFolder
{
    /// <summary>The folder's full path; a failure is an <see cref="OutputException"/> (exit 4).</summary>
    public static string Prepare(string path, CliContext? context)
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

        string probe = Path.Combine(full, $".corpusqa-probe-{RunTag.Current}");
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

        if (context is not null) StaleTempFiles.RemoveFrom(full, context);
        return full;
    }

    /// <summary>"Read-only file system", "Permission denied": the system's reason without the path it already named.</summary>
    private static string Reason(Exception ex) => ex is UnauthorizedAccessException
        ? "permission denied"
        : ex.Message.Split(" : '")[0];
}
