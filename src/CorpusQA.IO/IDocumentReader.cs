using CorpusQA.Core.Documents;

namespace CorpusQA.IO;

/// <summary>Streams the documents of one input file in row order.</summary>
public interface IDocumentReader : IAsyncDisposable
{
    /// <summary>The file being read, as the caller named it.</summary>
    string File { get; }

    /// <summary>
    /// Reads the documents one by one. Throws <see cref="CorpusInputException"/> on the first bad record unless
    /// <see cref="ReaderOptions.SkipBad"/> is set. Enumerate once.
    /// </summary>
    IAsyncEnumerable<Document> ReadAsync(CancellationToken cancellationToken = default);
}
