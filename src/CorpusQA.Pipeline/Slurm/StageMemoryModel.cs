using CorpusQA.Pipeline.Stages;

namespace CorpusQA.Pipeline.Slurm;

/// <summary>
/// The memory a stage task asks Slurm for: a fixed part (runtime, segmenter dictionary, models) plus a part per input
/// byte of its shard or per document of the run, with the constants measured in docs/scale.md (peak RSS of each
/// stage at several corpus sizes, fitted as base + slope, then 1.5× headroom and rounded up to 64 MiB).
/// </summary>
internal static class StageMemoryModel
{
    private const double MiB = 1024 * 1024;

    /// <summary>Measured base peak RSS per stage (MiB) and slope (bytes per input byte, or per document for the dedup stages).</summary>
    private static (double BaseMiB, double PerShardByte, double PerDocument) Coefficients(StageName stage) => stage switch
    {
        StageName.Analyze => (700, 0.05, 0),
        StageName.Buckets => (160, 0, 30),
        StageName.Clusters => (200, 0, 90),
        StageName.Apply => (250, 0.02, 0),
        StageName.Merge => (260, 0, 2),
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    /// <summary>Documents are estimated from bytes (the audit's own estimate: 4,000 bytes per document) before analyze has counted them.</summary>
    public const long BytesPerDocumentEstimate = 4000;

    public static double Headroom => 1.5;

    /// <summary>Predicted peak RSS in MiB of one task, before headroom.</summary>
    public static double PredictMiB(StageName stage, long largestShardBytes, long totalBytes)
    {
        var (b, perByte, perDoc) = Coefficients(stage);
        long documents = Math.Max(1, totalBytes / BytesPerDocumentEstimate);
        return b + (perByte * largestShardBytes + perDoc * documents) / MiB;
    }

    /// <summary>The --mem of a stage's script (MiB): prediction × headroom, rounded up to 64 MiB.</summary>
    public static long RequestMiB(StageName stage, long largestShardBytes, long totalBytes) =>
        (long)Math.Ceiling(PredictMiB(stage, largestShardBytes, totalBytes) * Headroom / 64) * 64;
}
