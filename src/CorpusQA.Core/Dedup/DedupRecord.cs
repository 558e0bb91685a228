namespace CorpusQA.Core.Dedup;

/// <summary>The dedup outcome of one document (one row of duplicates.parquet).</summary>
/// <param name="DocIndex">Index of the document.</param>
/// <param name="ExactHash">XxHash128 of the normalized text, 32 lowercase hex digits (big-endian).</param>
/// <param name="ExactDupOf">Index of the first document with the same normalized text, or null.</param>
/// <param name="ClusterId">Smallest document index in the cluster (the document itself when alone).</param>
/// <param name="ClusterSize">Documents in the cluster, exact copies included.</param>
/// <param name="IsKeeper">Whether this document is the one its cluster keeps.</param>
/// <param name="Keeper">Index of the cluster's keeper.</param>
/// <param name="EstJaccardToKeeper">Signature agreement with the keeper (1 for the keeper and exact copies of it).</param>
/// <param name="ClusterOversized">The cluster exceeds <see cref="DedupOptions.MaxClusterSize"/> (review it).</param>
/// <param name="TrueJaccardToKeeper">Exact character n-gram Jaccard with the keeper when the edge was verified
/// exactly (1 for the keeper and exact copies of it); null when only the signature estimate is known.</param>
public readonly record struct DedupRecord(
    int DocIndex,
    string ExactHash,
    int? ExactDupOf,
    int ClusterId,
    int ClusterSize,
    bool IsKeeper,
    int Keeper,
    double EstJaccardToKeeper,
    bool ClusterOversized,
    double? TrueJaccardToKeeper)
{
    /// <summary>Drop reason for non-keepers: <c>exact_duplicate</c> or <c>near_duplicate</c>; null for keepers.</summary>
    public string? DropReason => DedupReasons.For(IsKeeper, ExactDupOf.HasValue);
}

/// <summary>The snake_case drop reasons dedup produces.</summary>
public static class DedupReasons
{
    public const string ExactDuplicate = "exact_duplicate";
    public const string NearDuplicate = "near_duplicate";

    /// <summary>A document's dedup drop reason: none for its cluster's keeper, else exact or near duplicate.</summary>
    public static string? For(bool isKeeper, bool exactCopy) => isKeeper ? null : exactCopy ? ExactDuplicate : NearDuplicate;
}

/// <summary>A (near duplicate, keeper) pair for the report, with the estimate and the true character n-gram Jaccard.</summary>
/// <param name="Doc">The near duplicate.</param>
/// <param name="Keeper">Its cluster's keeper.</param>
/// <param name="EstimatedJaccard">Signature agreement of the two.</param>
/// <param name="TrueJaccard">Exact Jaccard of the normalized texts' character 5-gram sets; NaN when the texts were not kept.</param>
public readonly record struct DedupSamplePair(int Doc, int Keeper, double EstimatedJaccard, double TrueJaccard);
