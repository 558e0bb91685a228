using CorpusQA.Core.Documents;

namespace CorpusQA.IO.Writers;

/// <summary>One pass-through output (kept or removed) in one format.</summary>
internal interface IPassThroughSink : IAsyncDisposable
{
    long Count { get; }

    /// <summary>Writes the document's original record; <paramref name="dropReasons"/> only for the removed output.</summary>
    ValueTask WriteAsync(Document document, string? dropReasons, CancellationToken cancellationToken);

    Task<string> CompleteAsync(bool partial, CancellationToken cancellationToken);
}
