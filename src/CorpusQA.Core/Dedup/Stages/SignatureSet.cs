namespace CorpusQA.Core.Dedup.Stages;

/// <summary>
/// Signature shard files opened together, with documents 0..N-1 each located by one int
/// (its record number across the shards in the order given): 4 bytes per document.
/// </summary>
internal sealed class SignatureSet : IDisposable
{
    private readonly SignatureReader[] _readers;
    private readonly long[] _firstRecord;
    private readonly int[] _recordOfDoc;

    /// <summary>
    /// Opens the files; with <paramref name="shardLocalIndices"/> each file numbers its documents 0..n-1 and the files
    /// follow in document order (the sharded audit: a shard does not know how many documents come before it), else
    /// the indices are global.
    /// </summary>
    public SignatureSet(IReadOnlyList<string> paths, DedupOptions options, bool shardLocalIndices = false)
    {
        ArgumentNullException.ThrowIfNull(paths);
        _readers = new SignatureReader[paths.Count];
        try
        {
            for (int i = 0; i < paths.Count; i++)
                _readers[i] = new SignatureReader(paths[i], options);
        }
        catch
        {
            Dispose();
            throw;
        }
        _firstRecord = new long[_readers.Length + 1];
        for (int i = 0; i < _readers.Length; i++)
            _firstRecord[i + 1] = _firstRecord[i] + _readers[i].RecordCount;
        if (_firstRecord[^1] > int.MaxValue)
            throw new InvalidDataException("more than 2^31-1 documents");
        DocCount = (int)_firstRecord[^1];
        NumPerm = options.NumPerm;
        _recordOfDoc = new int[DocCount];
        Array.Fill(_recordOfDoc, -1);
        for (int r = 0; r < _readers.Length; r++)
        {
            var reader = _readers[r];
            for (long rec = 0; rec < reader.RecordCount; rec++)
            {
                int doc = reader.DocIndex(rec) + (shardLocalIndices ? (int)_firstRecord[r] : 0);
                if ((uint)doc >= (uint)DocCount)
                    throw new InvalidDataException($"{reader.Path}: document index {doc} outside 0..{DocCount - 1}; indices must be dense");
                if (_recordOfDoc[doc] >= 0)
                    throw new InvalidDataException($"{reader.Path}: document index {doc} signed twice");
                _recordOfDoc[doc] = (int)(_firstRecord[r] + rec);
            }
        }
    }

    public int DocCount { get; }
    public int NumPerm { get; }

    /// <summary>The reader and record number holding document <paramref name="doc"/>.</summary>
    public (SignatureReader Reader, long Record) Locate(int doc)
    {
        int global = _recordOfDoc[doc];
        int shard = Array.BinarySearch(_firstRecord, global);
        if (shard < 0)
            shard = ~shard - 1;
        else
            while (shard + 1 < _readers.Length && _firstRecord[shard + 1] == global) shard++;
        return (_readers[shard], global - _firstRecord[shard]);
    }

    /// <summary>Fraction of permutations on which two documents' minhashes agree (the Jaccard estimate).</summary>
    public double EstimatedJaccard(int a, int b)
    {
        var (ra, xa) = Locate(a);
        var (rb, xb) = Locate(b);
        if (ra.Kind(xa) == SignatureKind.Empty || rb.Kind(xb) == SignatureKind.Empty)
            return ra.ExactHash(xa) == rb.ExactHash(xb) ? 1.0 : 0.0;
        var sa = ra.MinHashBytes(xa);
        var sb = rb.MinHashBytes(xb);
        int agree = 0;
        for (int i = 0; i < sa.Length; i += 4)
        {
            if (sa[i] == sb[i] && sa[i + 1] == sb[i + 1] && sa[i + 2] == sb[i + 2] && sa[i + 3] == sb[i + 3])
                agree++;
        }
        return (double)agree / NumPerm;
    }

    public void Dispose()
    {
        foreach (var reader in _readers)
            reader?.Dispose();
    }
}
