namespace CorpusQA.Core.Dedup;

/// <summary>How a document's shingles were formed.</summary>
public enum SignatureKind : byte
{
    /// <summary>Normal: at least one full n-gram.</summary>
    Shingled = 0,
    /// <summary>Fewer units than the n-gram needs: the whole normalized text is one shingle.</summary>
    WholeTextShingle = 1,
    /// <summary>Empty after normalization: no MinHash signature; matched by the exact hash only.</summary>
    Empty = 2,
}

/// <summary>What the signature stage keeps of one document (one fixed-size record in a signature file).</summary>
public sealed class DocumentSignature
{
    public DocumentSignature(int numPerm) => MinHashes = new uint[numPerm];

    /// <summary>Document index given by the caller (position in the corpus).</summary>
    public int DocIndex { get; set; }

    public SignatureKind Kind { get; set; }

    /// <summary>Length of the normalized text in UTF-16 code units (the <c>longest</c> keeper policy).</summary>
    public int NormalizedLength { get; set; }

    /// <summary>Caller-supplied quality score (the <c>best</c> keeper policy), or null.</summary>
    public double? Quality { get; set; }

    /// <summary>XxHash128 of the normalized text's UTF-16 little-endian bytes.</summary>
    public UInt128 ExactHash { get; set; }

    /// <summary>Each permutation's minimum over the shingles; all zero when <see cref="Kind"/> is Empty.</summary>
    public uint[] MinHashes { get; }
}
