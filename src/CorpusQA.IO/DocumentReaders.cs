using System.Runtime.CompilerServices;
using CorpusQA.Core.Documents;
using CorpusQA.IO.Readers;

namespace CorpusQA.IO;

/// <summary>Opens the right reader for a file by its extension.</summary>
public static class DocumentReaders
{
    /// <summary>
    /// A reader for <paramref name="path"/>: .parquet, .jsonl/.json (JSON lines), .jsonl.gz/.json.gz, .jsonl.zst/.json.zst,
    /// .txt. Nothing is opened until <see cref="IDocumentReader.ReadAsync"/> is enumerated.
    /// </summary>
    /// <exception cref="CorpusInputException">The extension is not supported.</exception>
    public static IDocumentReader Open(string path, ReaderOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDocumentBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ReadBufferBytes, 16);
        return Create(path, options);
    }

    private static IDocumentReader Create(string path, ReaderOptions options) => InputFormats.Detect(path) switch
    {
        InputFormat.Parquet => new ParquetDocumentReader(path, options),
        InputFormat.JsonLines => new JsonlDocumentReader(path, options),
        InputFormat.Text => new TextDocumentReader(path, options),
        _ => throw new CorpusInputException(path, null, $"unsupported file type; expected {InputFormats.Supported}"),
    };

    /// <summary>Reads several files one after another, in the given order.</summary>
    public static async IAsyncEnumerable<Document> ReadAllAsync(IEnumerable<string> files, ReaderOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (string file in files)
        {
            await using IDocumentReader reader = Open(file, options);
            await foreach (Document document in reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                yield return document;
        }
    }
}
