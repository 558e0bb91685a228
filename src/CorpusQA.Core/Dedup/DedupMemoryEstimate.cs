using CorpusQA.Core.Dedup.Stages;

namespace CorpusQA.Core.Dedup;

/// <summary>
/// Predicted resource use of a dedup run, from the data layouts (candidate pairs excluded: they scale with
/// the number of near duplicates, 8 bytes each, plus about 40 per verified edge).
/// </summary>
/// <param name="DocCount">Documents planned for.</param>
/// <param name="Lsh">The bands × rows the options give.</param>
/// <param name="BandKeyBytesPerDocument">12 bytes (64-bit band hash + 32-bit index): one band is bucketed at a time.</param>
/// <param name="BandIndexBytes">Band keys held at once: min(docs × 12, memory budget).</param>
/// <param name="ClusterStateBytesPerDocument">Locator, exact-of, keeper, estimate, true Jaccard, cluster id and size arrays plus union-find (4 bytes each) and the 16-byte exact hash.</param>
/// <param name="ClusterStateBytes">docs × ClusterStateBytesPerDocument.</param>
/// <param name="SignatureFileBytes">Signature shard size on disk: header + docs × (48 + 4 × NumPerm).</param>
/// <param name="SpillBytesPerBand">Sorted-run bytes written per band when the keys exceed the budget.</param>
/// <param name="VerifyCacheBytes">Upper bound of the exact-verification n-gram set caches: 32 MiB per verifying thread (one per core; 0 without exact verification).</param>
public sealed record DedupMemoryEstimate(
    long DocCount,
    LshParameters Lsh,
    int BandKeyBytesPerDocument,
    long BandIndexBytes,
    int ClusterStateBytesPerDocument,
    long ClusterStateBytes,
    long SignatureFileBytes,
    long SpillBytesPerBand,
    long VerifyCacheBytes)
{
    internal static DedupMemoryEstimate For(long docCount, DedupOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(docCount);
        options.Validate();
        var lsh = options.LshLayout();
        long keys = docCount * BandKey.Size;
        long inMemory = Math.Min(keys, options.MemoryBudgetBytes);
        const int ClusterState = 4 * 8 + 16;
        return new DedupMemoryEstimate(
            docCount, lsh, BandKey.Size, inMemory, ClusterState, docCount * ClusterState,
            SignatureFileFormat.HeaderSize + docCount * SignatureFileFormat.RecordSize(options.NumPerm),
            keys > options.MemoryBudgetBytes ? keys : 0,
            options.VerifiesExactly ? Environment.ProcessorCount * Verification.ShingleSetCache.DefaultMaxHashes * sizeof(ulong) : 0);
    }

    public override string ToString() =>
        $"{DocCount:N0} docs, LSH {Lsh.Bands}x{Lsh.Rows}: band index {BandIndexBytes / 1048576.0:F1} MiB " +
        $"({BandKeyBytesPerDocument} B/doc, one band at a time), cluster state {ClusterStateBytes / 1048576.0:F1} MiB " +
        $"({ClusterStateBytesPerDocument} B/doc), signatures on disk {SignatureFileBytes / 1048576.0:F1} MiB, " +
        $"spill per band {SpillBytesPerBand / 1048576.0:F1} MiB, exact-verification cache up to {VerifyCacheBytes / 1048576.0:F1} MiB";
}
