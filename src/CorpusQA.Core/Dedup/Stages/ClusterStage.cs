using System.Collections.Concurrent;
using CorpusQA.Core.Dedup.Verification;

namespace CorpusQA.Core.Dedup.Stages;

/// <summary>
/// Stage 3: candidate pairs → verified edges → components (union-find) → keeper-centred clusters.
/// An edge survives only if the true character n-gram Jaccard of the two normalized texts is ≥ Threshold
/// (<see cref="DedupOptions.VerifyExact"/>; else, or for word shingles, if the signatures agree on
/// ≥ Threshold − VerifyMargin of the permutations). Inside a
/// component, documents are visited in keeper-priority order; an unassigned one becomes a keeper and takes
/// its unassigned verified neighbours. Every non-keeper is therefore directly similar to its keeper, so a
/// chain A~B~C never puts dissimilar A and C together (by the Jaccard-distance triangle inequality two
/// members of one cluster have J ≥ 1 − 2(1 − t')).
/// </summary>
public static class ClusterStage
{
    public static DedupResult Run(IReadOnlyList<string> signatureFiles, string candidateFile, DedupOptions options,
        CancellationToken cancellationToken = default) =>
        Run(signatureFiles, [candidateFile], options, shardLocalIndices: false, cancellationToken);

    /// <summary>
    /// As above over the candidate files of band groups (<see cref="BucketStage"/> with a band range): their candidate
    /// pairs united and sorted are exactly those of one bucket run over all bands, so the result is the same.
    /// </summary>
    public static DedupResult Run(IReadOnlyList<string> signatureFiles, IReadOnlyList<string> candidateFiles, DedupOptions options, bool shardLocalIndices,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var lsh = options.LshLayout();
        using var set = new SignatureSet(signatureFiles, options, shardLocalIndices);
        List<(int Dup, int Of)>? exactPairs = null;
        var merged = new List<ulong>();
        foreach (var candidateFile in candidateFiles)
        {
            var (docCount, exact, pairs) = CandidateFileFormat.Read(candidateFile, options.BandOptionsHash(lsh), lsh);
            if (docCount != set.DocCount)
                throw new InvalidDataException($"{candidateFile}: made for {docCount} documents, the signature files hold {set.DocCount}");
            if (exactPairs is not null && !exactPairs.SequenceEqual(exact))
                throw new InvalidDataException($"{candidateFile}: its exact pairs differ from {candidateFiles[0]}'s (made from other signatures?)");
            exactPairs ??= exact;
            foreach (var (a, b) in pairs) merged.Add(((ulong)(uint)a << 32) | (uint)b);
        }
        if (candidateFiles.Count > 1) BucketStage.SortUnique(merged);
        var candidates = merged.Select(p => ((int)(p >> 32), (int)(uint)p)).ToList();
        exactPairs ??= [];
        int n = set.DocCount;
        cancellationToken.ThrowIfCancellationRequested();

        var exactDupOf = new int[n];
        Array.Fill(exactDupOf, -1);
        foreach (var (dup, of) in exactPairs)
            exactDupOf[dup] = of;

        var edges = VerifyEdges(set, candidates, options, cancellationToken);

        var keeper = new int[n];
        var estJaccard = new float[n];
        var trueJaccard = new float[n];
        for (int i = 0; i < n; i++)
        {
            keeper[i] = i;
            estJaccard[i] = 1f;
            trueJaccard[i] = 1f;
        }
        AssignKeepers(set, edges, options.Keep, keeper, estJaccard, trueJaccard);

        foreach (var (dup, of) in exactPairs)
        {
            keeper[dup] = keeper[of];
            estJaccard[dup] = keeper[of] == of ? 1f : estJaccard[of];
            trueJaccard[dup] = keeper[of] == of ? 1f : trueJaccard[of];
        }

        var clusterSize = new int[n];
        var clusterMin = new int[n];
        Array.Fill(clusterMin, int.MaxValue);
        for (int i = 0; i < n; i++)
        {
            clusterSize[keeper[i]]++;
            clusterMin[keeper[i]] = Math.Min(clusterMin[keeper[i]], i);
        }
        var clusterId = new int[n];
        var exactHash = new UInt128[n];
        for (int i = 0; i < n; i++)
        {
            clusterId[i] = clusterMin[keeper[i]];
            var (reader, record) = set.Locate(i);
            exactHash[i] = reader.ExactHash(record);
        }
        var samples = SamplePairs(set, options, keeper, exactDupOf, estJaccard);
        return new DedupResult(lsh, options.MaxClusterSize, exactHash, exactDupOf, keeper, estJaccard, trueJaccard, clusterId, clusterSize, samples);
    }

    /// <summary>
    /// Checks every candidate, in parallel over contiguous ranges of a cache-friendly order: candidates grouped
    /// by connected component of the candidate graph, so the documents a group touches stay in the verifier's
    /// n-gram set cache (in sorted order, replicated pages far apart in the input evicted each other's sets on
    /// every pair). Each decision depends only on its two documents and lands at its candidate's position, so
    /// the edges are the same whatever the order or the thread count.
    /// </summary>
    private static List<Edge> VerifyEdges(SignatureSet set, List<(int A, int B)> candidates, DedupOptions options,
        CancellationToken cancellationToken)
    {
        var edges = new List<Edge>();
        if (candidates.Count == 0)
            return edges;
        var outcome = new Edge[candidates.Count];
        var accepted = new bool[candidates.Count];
        int[] order = ComponentOrder(set.DocCount, candidates);
        Parallel.ForEach(
            Partitioner.Create(0, candidates.Count, Math.Max(1024, candidates.Count / (4 * Environment.ProcessorCount) + 1)),
            new ParallelOptions { CancellationToken = cancellationToken },
            () => new ExactEdgeVerifier(set, options),
            (range, _, verifier) =>
            {
                for (int k = range.Item1; k < range.Item2; k++)
                {
                    int i = order[k];
                    var (a, b) = candidates[i];
                    double j = set.EstimatedJaccard(a, b);
                    if (verifier.Accepts(a, b, j, out double truth))
                    {
                        outcome[i] = new Edge(a, b, (float)j, (float)truth);
                        accepted[i] = true;
                    }
                }
                return verifier;
            },
            _ => { });
        for (int i = 0; i < outcome.Length; i++)
            if (accepted[i]) edges.Add(outcome[i]);
        return edges;
    }

    /// <summary>Candidate indices sorted by (component of the candidate graph, index).</summary>
    private static int[] ComponentOrder(int docCount, List<(int A, int B)> candidates)
    {
        var components = new UnionFind(docCount);
        foreach (var (a, b) in candidates)
            components.Union(a, b);
        var keys = new long[candidates.Count];
        var order = new int[candidates.Count];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = ((long)components.Find(candidates[i].A) << 32) | (uint)i;
            order[i] = i;
        }
        Array.Sort(keys, order);
        return order;
    }

    /// <summary>A verified edge: signature agreement and the true Jaccard (NaN when not computed).</summary>
    private readonly record struct Edge(int A, int B, float Estimate, float Truth);

    private static void AssignKeepers(SignatureSet set, List<Edge> edges, KeepPolicy policy, int[] keeper, float[] estJaccard, float[] trueJaccard)
    {
        if (edges.Count == 0)
            return;
        var components = new UnionFind(set.DocCount);
        var degree = new Dictionary<int, int>();
        foreach (var (a, b, _, _) in edges)
        {
            components.Union(a, b);
            degree[a] = degree.GetValueOrDefault(a) + 1;
            degree[b] = degree.GetValueOrDefault(b) + 1;
        }
        var adjacency = degree.Keys.ToDictionary(d => d, d => new List<(int Other, float J, float T)>(degree[d]));
        foreach (var (a, b, j, t) in edges)
        {
            adjacency[a].Add((b, j, t));
            adjacency[b].Add((a, j, t));
        }

        var members = degree.Keys.Select(d => (Root: components.Find(d), Doc: d, Priority: Priority(set, d, policy))).ToList();
        members.Sort((x, y) =>
        {
            int c = x.Root.CompareTo(y.Root);
            if (c != 0) return c;
            c = x.Priority.CompareTo(y.Priority);
            return c != 0 ? c : x.Doc.CompareTo(y.Doc);
        });
        var assigned = new HashSet<int>();
        foreach (var (_, doc, _) in members)
        {
            if (!assigned.Add(doc))
                continue;
            foreach (var (other, j, t) in adjacency[doc])
            {
                if (assigned.Add(other))
                {
                    keeper[other] = doc;
                    estJaccard[other] = j;
                    trueJaccard[other] = t;
                }
            }
        }
    }

    /// <summary>Smaller sorts first: the keeper-priority key of a document under a policy.</summary>
    private static double Priority(SignatureSet set, int doc, KeepPolicy policy)
    {
        var (reader, record) = set.Locate(doc);
        return policy switch
        {
            KeepPolicy.First => 0,
            KeepPolicy.Longest => -reader.NormalizedLength(record),
            KeepPolicy.Best => reader.Quality(record) is double q && !double.IsNaN(q) ? -q : double.PositiveInfinity,
            _ => throw new ArgumentOutOfRangeException(nameof(policy)),
        };
    }

    private static List<DedupSamplePair> SamplePairs(SignatureSet set, DedupOptions options, int[] keeper, int[] exactDupOf, float[] estJaccard)
    {
        var near = new List<int>();
        for (int i = 0; i < keeper.Length; i++)
            if (keeper[i] != i && exactDupOf[i] < 0) near.Add(i);
        var pairs = new List<DedupSamplePair>();
        int take = Math.Min(options.SamplePairCount, near.Count);
        for (int s = 0; s < take; s++)
        {
            int doc = near[(int)((long)s * near.Count / take)];
            int k = keeper[doc];
            var (ra, xa) = set.Locate(doc);
            var (rb, xb) = set.Locate(k);
            string? ta = ra.NormalizedText(xa), tb = rb.NormalizedText(xb);
            double truth = ta is null || tb is null ? double.NaN : ShingleJaccard.OfCharNGrams(ta, tb, 5);
            pairs.Add(new DedupSamplePair(doc, k, estJaccard[doc], truth));
        }
        return pairs;
    }
}
