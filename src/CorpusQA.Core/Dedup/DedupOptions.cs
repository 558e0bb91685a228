using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace CorpusQA.Core.Dedup;

/// <summary>What a MinHash shingle is made of.</summary>
public enum ShingleUnit
{
    /// <summary>N consecutive characters of the normalized text (default; no segmenter needed).</summary>
    Char,
    /// <summary>N consecutive segmenter words (whitespace tokens skipped), each normalized like the text.</summary>
    Word,
}

/// <summary>Which member of a near-duplicate cluster is kept.</summary>
public enum KeepPolicy
{
    /// <summary>The smallest document index.</summary>
    First,
    /// <summary>The longest normalized text; ties go to the smallest index.</summary>
    Longest,
    /// <summary>The highest caller-supplied quality score (missing = lowest); ties go to the smallest index.</summary>
    Best,
}

/// <summary>Options of the deduplication engine; every default is the documented recommendation.</summary>
public sealed record DedupOptions
{
    /// <summary>Jaccard similarity at which two documents are near duplicates. Default 0.8.</summary>
    public double Threshold { get; init; } = 0.8;

    /// <summary>Number of MinHash permutations (signature length). Default 128.</summary>
    public int NumPerm { get; init; } = 128;

    /// <summary>Shingle unit. Default <see cref="ShingleUnit.Char"/>.</summary>
    public ShingleUnit Shingle { get; init; } = ShingleUnit.Char;

    /// <summary>Shingle length in units. Default 5 (character 5-grams).</summary>
    public int NGram { get; init; } = 5;

    /// <summary>Keeper policy per cluster. Default <see cref="KeepPolicy.First"/>.</summary>
    public KeepPolicy Keep { get; init; } = KeepPolicy.First;

    /// <summary>Clusters larger than this are flagged (<see cref="DedupRecord.ClusterOversized"/>). Default 1000.</summary>
    public int MaxClusterSize { get; init; } = 1000;

    /// <summary>
    /// A candidate edge is accepted when the signatures agree on at least <c>Threshold - VerifyMargin</c> of
    /// the permutations. Default 0.05 (about 1.2 standard errors of the estimate at 128 permutations, t = 0.8).
    /// </summary>
    public double VerifyMargin { get; init; } = 0.05;

    /// <summary>Bytes of band keys held in memory before sorted runs spill to disk. Default 256 MiB.</summary>
    public long MemoryBudgetBytes { get; init; } = 256L << 20;

    /// <summary>Folder for intermediate files; default the system temporary folder.</summary>
    public string? TempDirectory { get; init; }

    /// <summary>Seed of the shingle hash and the permutations. Default 1.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Fold Traditional Chinese characters to Simplified before hashing. Default false.</summary>
    public bool FoldTraditional { get; init; }

    /// <summary>Fold full-/half-width and CJK/ASCII punctuation variants to one class. Default true.</summary>
    public bool FoldPunctuation { get; init; } = true;

    /// <summary>
    /// Join a candidate edge only if the TRUE Jaccard of the two normalized texts' character n-gram sets is
    /// ≥ <see cref="Threshold"/> (computed from the texts kept beside the signatures). Default true. Applies to
    /// character shingles only: word shingles (and documents whose texts were not kept) fall back to the
    /// signature estimate ≥ Threshold − VerifyMargin.
    /// </summary>
    public bool VerifyExact { get; init; } = true;

    /// <summary>
    /// Weight of the false-positive area when choosing bands × rows. Default (null): 0.1 when edges are verified
    /// exactly (a false candidate then only costs time), else datasketch's 0.5.
    /// </summary>
    public double? FalsePositiveWeight { get; init; }

    /// <summary>
    /// Weight of the false-negative area when choosing bands × rows. Default (null): 0.9 when edges are verified
    /// exactly, else datasketch's 0.5.
    /// </summary>
    public double? FalseNegativeWeight { get; init; }

    /// <summary>Whether candidate edges are checked against the true n-gram Jaccard (VerifyExact with character shingles).</summary>
    public bool VerifiesExactly => VerifyExact && Shingle == ShingleUnit.Char;

    /// <summary>The false-positive weight in force (the option, or its verification-dependent default).</summary>
    public double EffectiveFalsePositiveWeight => FalsePositiveWeight ?? (VerifiesExactly ? 0.1 : 0.5);

    /// <summary>The false-negative weight in force (the option, or its verification-dependent default).</summary>
    public double EffectiveFalseNegativeWeight => FalseNegativeWeight ?? (VerifiesExactly ? 0.9 : 0.5);

    /// <summary>The bands × rows these options give (datasketch's optimal_param with the effective weights).</summary>
    public LshParameters LshLayout() =>
        LshParameters.Optimal(Threshold, NumPerm, EffectiveFalsePositiveWeight, EffectiveFalseNegativeWeight);

    /// <summary>How many (non-keeper, keeper) pairs <see cref="DedupResult.SamplePairs"/> holds. Default 50.</summary>
    public int SamplePairCount { get; init; } = 50;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for an option outside its range.</summary>
    public void Validate()
    {
        if (!(Threshold > 0 && Threshold < 1)) throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold, "must be in (0, 1)");
        if (NumPerm is < 2 or > 1024) throw new ArgumentOutOfRangeException(nameof(NumPerm), NumPerm, "must be in [2, 1024]");
        if (NGram is < 1 or > 64) throw new ArgumentOutOfRangeException(nameof(NGram), NGram, "must be in [1, 64]");
        if (MaxClusterSize < 2) throw new ArgumentOutOfRangeException(nameof(MaxClusterSize), MaxClusterSize, "must be at least 2");
        if (!(VerifyMargin >= 0 && VerifyMargin < Threshold)) throw new ArgumentOutOfRangeException(nameof(VerifyMargin), VerifyMargin, "must be in [0, Threshold)");
        if (MemoryBudgetBytes < 1 << 16) throw new ArgumentOutOfRangeException(nameof(MemoryBudgetBytes), MemoryBudgetBytes, "must be at least 64 KiB");
        double fpw = EffectiveFalsePositiveWeight, fnw = EffectiveFalseNegativeWeight;
        if (!(fpw >= 0 && fnw >= 0 && fpw + fnw > 0))
            throw new ArgumentOutOfRangeException(nameof(FalsePositiveWeight), "weights must be non-negative and not both zero");
        if (SamplePairCount < 0) throw new ArgumentOutOfRangeException(nameof(SamplePairCount), SamplePairCount, "must be non-negative");
    }

    /// <summary>
    /// Hash of every option that changes a signature or a band key; intermediate files carry it so a stage
    /// refuses files written under other options.
    /// </summary>
    public ulong SignatureOptionsHash()
    {
        var text = $"v1|{NumPerm}|{Shingle}|{NGram}|{Seed}|{FoldTraditional}|{FoldPunctuation}";
        return XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>
    /// <see cref="SignatureOptionsHash"/> plus the LSH band layout, the effective band-choice weights and the
    /// verification mode, for band-level files.
    /// </summary>
    public ulong BandOptionsHash(LshParameters lsh)
    {
        ArgumentNullException.ThrowIfNull(lsh);
        Span<byte> bytes = stackalloc byte[33];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, SignatureOptionsHash());
        BinaryPrimitives.WriteInt32LittleEndian(bytes.Slice(8), lsh.Bands);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.Slice(12), lsh.Rows);
        BinaryPrimitives.WriteDoubleLittleEndian(bytes.Slice(16), EffectiveFalsePositiveWeight);
        BinaryPrimitives.WriteDoubleLittleEndian(bytes.Slice(24), EffectiveFalseNegativeWeight);
        bytes[32] = VerifiesExactly ? (byte)1 : (byte)0;
        return XxHash3.HashToUInt64(bytes);
    }
}
