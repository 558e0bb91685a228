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
        string full = OutputFiles.CreateDirectory(path);
        if (context is not null) StaleTempFiles.RemoveFrom(full, context);
        return full;
    }
}
