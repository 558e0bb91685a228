using CorpusQA.Core.Dedup.Stages;
using CorpusQA.Segmentation;

namespace CorpusQA.Core.Dedup;

/// <summary>
/// One-process dedup: <see cref="AddDocument"/> (thread-safe; each thread gets its own signer) streams
/// signatures to a temporary shard file; <see cref="Finish"/> runs the bucket and cluster stages on it.
/// Results depend only on (index, text, words, score) per document, never on call order or thread count.
/// </summary>
public sealed class DedupEngine : IDocumentSigner, IDisposable
{
    private readonly DedupOptions _options;
    private readonly ShardSigner _writer;
    private readonly string _workDirectory;
    private bool _finished;

    /// <summary>The work folder is <c>corpusqa-dedup-PID-START-GUID</c> (see <see cref="Pipeline.RunTag"/>).</summary>
    public const string WorkDirectoryPrefix = "corpusqa-dedup-";

    public DedupEngine(DedupOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        Lsh = options.LshLayout();
        _workDirectory = Path.Combine(options.TempDirectory ?? Path.GetTempPath(), $"{WorkDirectoryPrefix}{Pipeline.RunTag.Current}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_workDirectory);
        _writer = new ShardSigner(Path.Combine(_workDirectory, "shard-0.cqsig"), options);
    }

    /// <summary>The bands × rows chosen for the threshold (print <see cref="LshParameters.SCurve"/> before a run).</summary>
    public LshParameters Lsh { get; }

    /// <summary>Signs one document. <paramref name="words"/> index into <paramref name="text"/> and are needed only for word shingles.</summary>
    public void AddDocument(int index, string text, ReadOnlySpan<TokenSpan> words, double? qualityScore = null)
    {
        if (_finished)
            throw new InvalidOperationException("Finish() was already called.");
        _writer.AddDocument(index, text, words, qualityScore);
    }

    /// <summary>Runs the bucket and cluster stages; documents must have been added with indices 0..N-1.</summary>
    public DedupResult Finish(CancellationToken cancellationToken = default)
    {
        if (_finished)
            throw new InvalidOperationException("Finish() was already called.");
        _finished = true;
        _writer.Dispose();
        string candidates = Path.Combine(_workDirectory, "candidates.cqcand");
        BucketStats = BucketStage.Run([_writer.Path], _options with { TempDirectory = _workDirectory }, candidates, cancellationToken);
        return ClusterStage.Run([_writer.Path], candidates, _options, cancellationToken);
    }

    /// <summary>What the bucket stage did (after <see cref="Finish"/>).</summary>
    public BucketStageStats? BucketStats { get; private set; }

    /// <summary>Predicted memory and disk use of a run (print it before starting).</summary>
    public static DedupMemoryEstimate MemoryEstimate(long docCount, DedupOptions options) => DedupMemoryEstimate.For(docCount, options);

    public void Dispose()
    {
        try
        {
            _writer.Dispose();
        }
        catch (IOException)
        {
            // The last flush failed (a full disk): the work folder is deleted below all the same.
        }
        finally
        {
            try { Directory.Delete(_workDirectory, recursive: true); } catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
        }
    }
}
