using CorpusQA.Core.Dedup;

namespace CorpusQA.Cli.Runs;

/// <summary>
/// The dedup plan's resource line, printed before reading: the document count is not known yet, so it is an estimate
/// (input bytes / 4,000) and says so, and it lists every temporary file the run writes beside its outputs.
/// </summary>
internal static class DedupPlanLine
{
    private const long BytesPerDocumentGuess = 4000;

    /// <summary>The line for <paramref name="corpus"/> deduplicated with <paramref name="options"/>; <paramref name="rowSpillBytesPerDocument"/> is the run's own row spill (.audit-spill-*.tmp) per document, roughly.</summary>
    public static string For(InputCorpus corpus, DedupOptions options, long rowSpillBytesPerDocument)
    {
        long inputBytes = corpus.TotalFileBytes;
        long documents = Math.Max(1, inputBytes / BytesPerDocumentGuess);
        var e = DedupEngine.MemoryEstimate(documents, options);
        bool keepsTexts = options.VerifiesExactly || options.SamplePairCount > 0;
        return $"estimate for ~{Counted.Of(documents, "document")} (input bytes / {BytesPerDocumentGuess:N0}; the count is known only after reading), " +
            $"LSH {e.Lsh.Bands}x{e.Lsh.Rows}. Memory: band index {MiB(e.BandIndexBytes)} ({e.BandKeyBytesPerDocument} B/doc, one band at a time), " +
            $"cluster state {MiB(e.ClusterStateBytes)} ({e.ClusterStateBytesPerDocument} B/doc), exact-verification cache up to {MiB(e.VerifyCacheBytes)}. " +
            $"Temporary files in the output folder: signatures {MiB(e.SignatureFileBytes)}" +
            (keepsTexts ? $", normalized texts up to {MiB(inputBytes)} (for exact verification and sample pairs)" : "") +
            $", row spill {MiB(documents * rowSpillBytesPerDocument)}, band-key runs {MiB(e.SpillBytesPerBand)} per band, " +
            "candidate pairs 8 B each; all deleted at the end";
    }

    private static string MiB(long bytes) => $"{bytes / 1048576.0:F1} MiB";
}
