
namespace CorpusQA.Core.Dedup.Stages;

/// <summary>Bands First..End-1 of the LSH layout (End is exclusive).</summary>
public readonly record struct BandRange(int First, int End)
{
    /// <summary>Group <paramref name="group"/> of <paramref name="groups"/> near-equal groups of <paramref name="bands"/> bands.</summary>
    public static BandRange Group(int group, int groups, int bands) =>
        new((int)((long)group * bands / groups), (int)((long)(group + 1) * bands / groups));
}

/// <summary>What the bucket stage did, for logs and the memory report.</summary>
public sealed record BucketStageStats(int DocCount, long ExactDuplicatePairs, long CandidatePairs, int SpilledRuns, int MaxKeysInMemory);

/// <summary>
/// Stage 2: signature shards → exact-duplicate pairs and LSH candidate pairs (a candidate file).
/// Exact keys are sorted first; exact copies then stay out of the LSH buckets (their signatures equal their
/// first occurrence's). Bands are bucketed one at a time, so at most one band's 12-byte keys per document
/// are held, and beyond <see cref="DedupOptions.MemoryBudgetBytes"/> they spill to sorted runs.
/// </summary>
public static class BucketStage
{
    /// <summary>A bucket of more documents than this pairs every member with its first this-many members only.</summary>
    internal const int FullPairingLimit = 32;

    public static BucketStageStats Run(IReadOnlyList<string> signatureFiles, DedupOptions options, string candidateFile,
        CancellationToken cancellationToken = default) =>
        Run(signatureFiles, options, candidateFile, new BandRange(0, int.MaxValue), shardLocalIndices: false, cancellationToken);

    /// <summary>
    /// Buckets only the bands of <paramref name="bands"/> (clipped to the layout), so that band groups run as separate
    /// tasks; every group's file also holds all exact pairs. <see cref="ClusterStage"/> merges the groups' files into
    /// exactly the candidates one run over all bands finds. <paramref name="shardLocalIndices"/>: each shard numbers its
    /// documents from 0 (<see cref="SignatureSet"/>).
    /// </summary>
    public static BucketStageStats Run(IReadOnlyList<string> signatureFiles, DedupOptions options, string candidateFile, BandRange bands,
        bool shardLocalIndices, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var lsh = options.LshLayout();
        string temp = options.TempDirectory ?? Path.GetTempPath();
        Directory.CreateDirectory(temp);
        using var set = new SignatureSet(signatureFiles, options, shardLocalIndices);
        using var sorter = new BandKeySorter(options.MemoryBudgetBytes, temp);
        int spilled = 0;

        var exactPairs = ExactPairs(set, sorter);
        spilled += sorter.SpilledRuns;
        sorter.Reset();
        var isCopy = new bool[set.DocCount];
        foreach (var (dup, _) in exactPairs)
            isCopy[dup] = true;

        var candidates = new List<ulong>();
        for (int band = bands.First; band < Math.Min(lsh.Bands, bands.End); band++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (int doc = 0; doc < set.DocCount; doc++)
            {
                if (isCopy[doc])
                    continue;
                var (reader, record) = set.Locate(doc);
                if (reader.Kind(record) == SignatureKind.Empty)
                    continue;
                sorter.Add(LshBands.BandHash(reader.MinHashBytes(record), band, lsh.Rows), doc);
            }
            foreach (int[] group in sorter.Groups())
                AddGroupPairs(group, candidates);
            spilled += sorter.SpilledRuns;
            sorter.Reset();
            SortUnique(candidates);
        }

        using (var stream = new FileStream(candidateFile, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            CandidateFileFormat.WriteHeader(stream, lsh, set.DocCount, options.BandOptionsHash(lsh), exactPairs.Count, candidates.Count);
            CandidateFileFormat.WritePairs(stream, exactPairs);
            CandidateFileFormat.WritePairs(stream, candidates.Select(p => ((int)(p >> 32), (int)(uint)p)));
        }
        return new BucketStageStats(set.DocCount, exactPairs.Count, candidates.Count, spilled, sorter.Capacity);
    }

    /// <summary>(copy, first occurrence) for every document whose 128-bit exact hash appeared earlier.</summary>
    private static List<(int Dup, int Of)> ExactPairs(SignatureSet set, BandKeySorter sorter)
    {
        for (int doc = 0; doc < set.DocCount; doc++)
        {
            var (reader, record) = set.Locate(doc);
            sorter.Add((ulong)reader.ExactHash(record), doc);
        }
        var pairs = new List<(int, int)>();
        foreach (int[] group in sorter.Groups())
        {
            // The sort key is the low 64 bits; the full 128 bits decide, so a 64-bit collision splits the group.
            var firsts = new List<(UInt128 Hash, int Doc)>();
            foreach (int doc in group)
            {
                var (reader, record) = set.Locate(doc);
                UInt128 hash = reader.ExactHash(record);
                int first = firsts.FindIndex(f => f.Hash == hash);
                if (first < 0)
                    firsts.Add((hash, doc));
                else
                    pairs.Add((doc, firsts[first].Doc));
            }
        }
        pairs.Sort();
        return pairs;
    }

    internal static void AddGroupPairs(int[] group, List<ulong> candidates)
    {
        int anchors = Math.Min(group.Length, FullPairingLimit);
        for (int i = 0; i < anchors; i++)
        {
            for (int j = i + 1; j < group.Length; j++)
                candidates.Add(((ulong)(uint)group[i] << 32) | (uint)group[j]);
        }
    }

    internal static void SortUnique(List<ulong> list)
    {
        list.Sort();
        int w = 0;
        for (int i = 0; i < list.Count; i++)
        {
            if (w == 0 || list[i] != list[w - 1])
                list[w++] = list[i];
        }
        list.RemoveRange(w, list.Count - w);
    }
}
