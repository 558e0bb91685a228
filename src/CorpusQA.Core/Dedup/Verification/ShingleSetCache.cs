namespace CorpusQA.Core.Dedup.Verification;

/// <summary>
/// Least-recently-used cache of documents' n-gram hash sets, bounded both in documents and in hashes held
/// (8 bytes each), so a document shared by many candidate edges is hashed once while memory stays bounded.
/// Not thread-safe: each verifying thread of the cluster stage has its own.
/// </summary>
internal sealed class ShingleSetCache
{
    /// <summary>Default bound on documents held.</summary>
    public const int DefaultMaxDocuments = 4096;

    /// <summary>Default bound on hashes held: 4 M hashes = 32 MiB (per verifying thread).</summary>
    public const long DefaultMaxHashes = 4L << 20;

    private readonly Func<int, ulong[]?> _load;
    private readonly int _maxDocuments;
    private readonly long _maxHashes;
    private readonly Dictionary<int, LinkedListNode<(int Doc, ulong[]? Set)>> _byDoc = new();
    private readonly LinkedList<(int Doc, ulong[]? Set)> _recency = new();
    private long _hashesHeld;

    /// <param name="load">Builds a document's set, or null when its text is unknown.</param>
    /// <param name="maxDocuments">Most sets held.</param>
    /// <param name="maxHashes">Most hashes held over all sets.</param>
    public ShingleSetCache(Func<int, ulong[]?> load, int maxDocuments = DefaultMaxDocuments, long maxHashes = DefaultMaxHashes)
    {
        ArgumentNullException.ThrowIfNull(load);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDocuments, 2);
        _load = load;
        _maxDocuments = maxDocuments;
        _maxHashes = maxHashes;
    }

    /// <summary>Sets built so far (cache misses), for tests and logs.</summary>
    public long Loads { get; private set; }

    public int Count => _byDoc.Count;

    public long HashesHeld => _hashesHeld;

    public ulong[]? Get(int doc)
    {
        if (_byDoc.TryGetValue(doc, out var node))
        {
            _recency.Remove(node);
            _recency.AddFirst(node);
            return node.Value.Set;
        }
        ulong[]? set = _load(doc);
        Loads++;
        _byDoc[doc] = _recency.AddFirst((doc, set));
        _hashesHeld += set?.Length ?? 0;
        // Evict the oldest, but never the newest and the one just before it (the pair being verified).
        while (_byDoc.Count > 2 && (_byDoc.Count > _maxDocuments || _hashesHeld > _maxHashes))
        {
            var oldest = _recency.Last!;
            _recency.RemoveLast();
            _byDoc.Remove(oldest.Value.Doc);
            _hashesHeld -= oldest.Value.Set?.Length ?? 0;
        }
        return set;
    }
}
