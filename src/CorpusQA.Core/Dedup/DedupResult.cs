namespace CorpusQA.Core.Dedup;

/// <summary>
/// Per-document dedup outcome for documents 0..DocCount-1 (about 40 bytes per document) plus sample pairs.
/// </summary>
public sealed class DedupResult
{
    private readonly UInt128[] _exactHash;
    private readonly int[] _exactDupOf;
    private readonly int[] _keeper;
    private readonly float[] _estJaccard;
    private readonly float[] _trueJaccard;
    private readonly int[] _clusterId;
    private readonly int[] _clusterSize;

    internal DedupResult(LshParameters lsh, int maxClusterSize, UInt128[] exactHash, int[] exactDupOf, int[] keeper,
        float[] estJaccard, float[] trueJaccard, int[] clusterId, int[] clusterSize, IReadOnlyList<DedupSamplePair> samplePairs)
    {
        Lsh = lsh;
        MaxClusterSize = maxClusterSize;
        _exactHash = exactHash;
        _exactDupOf = exactDupOf;
        _keeper = keeper;
        _estJaccard = estJaccard;
        _trueJaccard = trueJaccard;
        _clusterId = clusterId;
        _clusterSize = clusterSize;
        SamplePairs = samplePairs;
    }

    /// <summary>The bands × rows used.</summary>
    public LshParameters Lsh { get; }

    public int MaxClusterSize { get; }

    public int DocCount => _keeper.Length;

    /// <summary>Sample (near duplicate, keeper) pairs, evenly spread over the near duplicates by index.</summary>
    public IReadOnlyList<DedupSamplePair> SamplePairs { get; }

    public int ExactDuplicateCount => _exactDupOf.Count(d => d >= 0);

    public int NearDuplicateCount
    {
        get
        {
            int n = 0;
            for (int i = 0; i < _keeper.Length; i++)
                if (_keeper[i] != i && _exactDupOf[i] < 0) n++;
            return n;
        }
    }

    public DedupRecord this[int doc] => new(
        doc,
        _exactHash[doc].ToString("x32"),
        _exactDupOf[doc] >= 0 ? _exactDupOf[doc] : null,
        _clusterId[doc],
        _clusterSize[_keeper[doc]],
        _keeper[doc] == doc,
        _keeper[doc],
        _estJaccard[doc],
        _clusterSize[_keeper[doc]] > MaxClusterSize,
        float.IsNaN(_trueJaccard[doc]) ? null : _trueJaccard[doc]);

    /// <summary>Every record in document order.</summary>
    public IEnumerable<DedupRecord> Records()
    {
        for (int i = 0; i < DocCount; i++)
            yield return this[i];
    }
}
