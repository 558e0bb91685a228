using CorpusQA.Segmentation;

namespace CorpusQA.Core.Dedup.Stages;

/// <summary>Signs documents for dedup (stage 1): the one-process engine and a shard of a sharded run.</summary>
public interface IDocumentSigner
{
    /// <summary>Signs one document (thread-safe). <paramref name="words"/> index into <paramref name="text"/> and are needed only for word shingles.</summary>
    void AddDocument(int index, string text, ReadOnlySpan<TokenSpan> words, double? qualityScore = null);
}

/// <summary>
/// Stage 1 for one shard: documents signed on any thread (each thread its own signer) into one signature file, with
/// the normalized texts beside it when the later stages need them (exact edge verification, the sample pairs' true
/// Jaccard). Dispose completes the file.
/// </summary>
public sealed class ShardSigner : IDocumentSigner, IDisposable
{
    private readonly ThreadLocal<(MinHashSigner Signer, DocumentSignature Scratch)> _signers;
    private readonly SignatureWriter _writer;
    private readonly bool _keepTexts;

    public ShardSigner(string path, DedupOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _keepTexts = options.VerifiesExactly || options.SamplePairCount > 0;
        _writer = new SignatureWriter(path, options, keepTexts: _keepTexts);
        _signers = new ThreadLocal<(MinHashSigner, DocumentSignature)>(() => (new MinHashSigner(options), new DocumentSignature(options.NumPerm)));
    }

    public string Path => _writer.Path;

    public void AddDocument(int index, string text, ReadOnlySpan<TokenSpan> words, double? qualityScore = null)
    {
        var (signer, scratch) = _signers.Value;
        signer.Sign(index, text, words, qualityScore, scratch);
        _writer.Write(scratch, signer.LastNormalizedText, hasText: _keepTexts);
    }

    public void Dispose()
    {
        try
        {
            _writer.Dispose();
        }
        finally
        {
            _signers.Dispose();
        }
    }
}
