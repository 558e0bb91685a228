using CorpusQA.Pipeline.Stages;

namespace CorpusQA.Pipeline.Slurm;

/// <summary>
/// The memory a stage task asks Slurm for: peak RSS measured per stage at several corpus and shard sizes
/// (docs/scale.md, benchmarks/scale/measure.py) fitted as a base plus a slope, times 1.5 headroom, rounded up to
/// 64 MiB. Documents are estimated from bytes before analyze has counted them. The dedup stages' slopes were
/// measured on a corpus where nearly every document has near duplicates (the worst case: their memory follows the
/// candidate pairs) and include the memory-mapped signature pages; a later --sbatch-arg=--mem=... overrides.
/// </summary>
internal static class StageMemoryModel
{
    private const double MiB = 1024 * 1024;

    /// <summary>The audit's own estimate of documents from input bytes (the benchmark corpus has 4,100 bytes per document).</summary>
    public const long BytesPerDocumentEstimate = 4000;

    /// <summary>Rows a Parquet writer buffers before it writes a row group (ParquetTableWriterOptions.RowGroupRows): beyond it, apply stops growing and merge grows slower.</summary>
    private const long RowGroupRows = 50_000;

    public static double Headroom => 1.5;

    /// <summary>Predicted peak RSS in MiB of one task of <paramref name="stage"/>, before headroom.</summary>
    public static double PredictMiB(StageName stage, long largestShardBytes, long totalBytes)
    {
        long documents = Math.Max(1, totalBytes / BytesPerDocumentEstimate);
        long shardDocuments = Math.Max(1, largestShardBytes / BytesPerDocumentEstimate);
        double bytes = stage switch
        {
            // Measured: 124 MiB (1.4 MB shard), 145 (6.5 MB), 190 (26 MB), 211 (105 MB), 220 (209 MB).
            StageName.Analyze => 190 * MiB + 0.16 * largestShardBytes,
            // Measured: 63 MiB (2,674 documents), 70 (12,780), 105 (51,044), 173 (102,119).
            StageName.Buckets => 60 * MiB + 1_100.0 * documents,
            // Measured: 72 MiB, 268, 483, 798 at the same sizes.
            StageName.Clusters => 70 * MiB + 8_600.0 * documents,
            // Measured: 80 MiB (334 documents per shard), 105 (1,598), 174 (6,380), 221 (25,530), 305 (51,044).
            StageName.Apply => 100 * MiB + 4_400.0 * Math.Min(shardDocuments, RowGroupRows),
            // Measured: 127 MiB (2,674 documents), 206 (12,780), 406 (51,044), 501 (102,119): slower past one row group.
            StageName.Merge => 120 * MiB + 5_900.0 * Math.Min(documents, RowGroupRows) + 1_900.0 * Math.Max(0, documents - RowGroupRows),
            _ => throw new ArgumentOutOfRangeException(nameof(stage)),
        };
        return bytes / MiB;
    }

    /// <summary>The --mem of a stage's script (MiB): prediction × headroom, rounded up to 64 MiB.</summary>
    public static long RequestMiB(StageName stage, long largestShardBytes, long totalBytes) =>
        (long)Math.Ceiling(PredictMiB(stage, largestShardBytes, totalBytes) * Headroom / 64) * 64;
}
