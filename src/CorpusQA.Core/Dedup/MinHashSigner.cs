using System.IO.Hashing;
using System.Runtime.InteropServices;
using CorpusQA.Core.Kernels;
using CorpusQA.Core.Text.Normalization;
using CorpusQA.Segmentation;

namespace CorpusQA.Core.Dedup;

/// <summary>
/// Computes exact hashes and MinHash signatures. Not thread-safe (it reuses scratch buffers): use one
/// signer per thread; all signers built from equal options give identical signatures.
/// </summary>
public sealed class MinHashSigner
{
    private readonly DedupOptions _options;
    private readonly DedupTextNormalizer _normalizer;
    private readonly PermutationFamily _permutations;
    private readonly ulong _shingleSeed;
    private uint[] _shingleHashes = new uint[1024];
    private ulong[] _tokenHashes = new ulong[256];
    private char[] _tokenBuffer = new char[64];
    private char[] _normalized = new char[1024];
    private int _normalizedLength;
    
    public MinHashSigner(DedupOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _normalizer = new DedupTextNormalizer(options.FoldPunctuation, options.FoldTraditional);
        _permutations = new PermutationFamily(options.NumPerm, options.Seed);
        _shingleSeed = PermutationFamily.ShingleSeed(options.Seed);
    }

    public DedupTextNormalizer Normalizer => _normalizer;

    /// <summary>The normalized text of the last signed document (valid until the next call).</summary>
    internal ReadOnlySpan<char> LastNormalizedText => _normalized.AsSpan(0, _normalizedLength);

    /// <summary>Signs one document. <paramref name="words"/> index into <paramref name="text"/> (word shingles only).</summary>
    public DocumentSignature Sign(int docIndex, string text, ReadOnlySpan<TokenSpan> words = default, double? quality = null)
    {
        var signature = new DocumentSignature(_options.NumPerm);
        Sign(docIndex, text, words, quality, signature);
        return signature;
    }

    /// <summary>Signs into an existing record without allocating.</summary>
    public void Sign(int docIndex, string text, ReadOnlySpan<TokenSpan> words, double? quality, DocumentSignature into)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(into);
        ArgumentOutOfRangeException.ThrowIfNegative(docIndex);
        ReadOnlySpan<char> normalized = _normalizer.NormalizeToBuffer(text, ref _normalized);
        _normalizedLength = normalized.Length;
        into.DocIndex = docIndex;
        into.Quality = quality;
        into.NormalizedLength = normalized.Length;
        into.ExactHash = XxHash128.HashToUInt128(MemoryMarshal.AsBytes(normalized));

        int count;
        bool whole;
        if (_options.Shingle == ShingleUnit.Char)
            count = CharShingles(normalized, out whole);
        else
            count = WordShingles(text, normalized.Length, words, out whole);

        if (count == 0)
        {
            into.Kind = SignatureKind.Empty;
            Array.Clear(into.MinHashes);
            return;
        }
        into.Kind = whole ? SignatureKind.WholeTextShingle : SignatureKind.Shingled;
        Array.Fill(into.MinHashes, uint.MaxValue);
        MinHashPermutationKernel.UpdateMins(_shingleHashes.AsSpan(0, count), _permutations.Multipliers, _permutations.Addends, into.MinHashes);
    }

    /// <summary>Hashes of the character n-grams of <paramref name="normalized"/> into the scratch buffer.</summary>
    private int CharShingles(ReadOnlySpan<char> normalized, out bool whole)
    {
        int n = _options.NGram;
        whole = false;
        if (normalized.Length == 0)
            return 0;
        if (normalized.Length < n)
        {
            whole = true;
            EnsureShingleCapacity(1);
            _shingleHashes[0] = PermutationFamily.Fold(XxHash3.HashToUInt64(MemoryMarshal.AsBytes(normalized), (long)_shingleSeed));
            return 1;
        }
        int count = normalized.Length - n + 1;
        EnsureShingleCapacity(count);
        ShingleHasher.HashWindows(MemoryMarshal.AsBytes(normalized), 2 * n, _shingleSeed, _shingleHashes.AsSpan(0, count));
        return count;
    }

    /// <summary>Hashes of word n-grams: each token normalized and hashed, then each window of token hashes hashed.</summary>
    private int WordShingles(string text, int normalizedLength, ReadOnlySpan<TokenSpan> words, out bool whole)
    {
        whole = false;
        if (words.IsEmpty && normalizedLength > 0)
            throw new ArgumentException("Word shingles need the segmenter's tokens for a non-empty text.", nameof(words));
        int tokens = 0;
        long seed = (long)_shingleSeed;
        foreach (TokenSpan word in words)
        {
            if ((uint)word.Start > (uint)text.Length || (uint)word.Length > (uint)(text.Length - word.Start))
                throw new ArgumentOutOfRangeException(nameof(words), word, "token outside the text");
            int length = _normalizer.NormalizeToken(word.Of(text), ref _tokenBuffer);
            if (length == 0)
                continue;
            if (tokens == _tokenHashes.Length)
                Array.Resize(ref _tokenHashes, tokens * 2);
            _tokenHashes[tokens++] = XxHash3.HashToUInt64(MemoryMarshal.AsBytes(_tokenBuffer.AsSpan(0, length)), seed);
        }
        if (tokens == 0)
            return 0;
        int n = _options.NGram;
        ReadOnlySpan<byte> bytes = MemoryMarshal.AsBytes(_tokenHashes.AsSpan(0, tokens));
        if (tokens < n)
        {
            whole = true;
            EnsureShingleCapacity(1);
            _shingleHashes[0] = PermutationFamily.Fold(XxHash3.HashToUInt64(bytes, seed));
            return 1;
        }
        int count = tokens - n + 1;
        EnsureShingleCapacity(count);
        for (int i = 0; i < count; i++)
            _shingleHashes[i] = PermutationFamily.Fold(XxHash3.HashToUInt64(bytes.Slice(8 * i, 8 * n), seed));
        return count;
    }

    private void EnsureShingleCapacity(int count)
    {
        if (_shingleHashes.Length < count)
            _shingleHashes = new uint[Math.Max(count, _shingleHashes.Length * 2)];
    }
}
