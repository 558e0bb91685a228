namespace CorpusQA.Cli.Runs;

/// <summary>The warning audit, filter and dedup print when ids repeat (counted by <see cref="DuplicateIds"/>).</summary>
internal static class DuplicateIdWarning
{
    /// <summary>The one warning line, or nothing when the ids are unique.</summary>
    public static void Warn(CliContext context, long duplicates)
    {
        if (duplicates == 0) return;
        context.Error.WriteLine($"corpusqa: warning: {Counted.Of(duplicates, "document")} {(duplicates == 1 ? "repeats" : "repeat")} the id of an earlier document " +
            "(ids are not unique; outputs name documents by doc_index, source_file and row_index too)");
    }
}
