using CorpusQA.Core.Documents;

namespace CorpusQA.IO.Tests.Support;

internal static class Read
{
    public static async Task<List<Document>> AllAsync(string path, ReaderOptions? options = null)
    {
        var documents = new List<Document>();
        await using IDocumentReader reader = DocumentReaders.Open(path, options ?? new ReaderOptions());
        await foreach (Document document in reader.ReadAsync()) documents.Add(document);
        return documents;
    }

    /// <summary>Reads with SkipBad and returns both the documents and the bad records.</summary>
    public static async Task<(List<Document> Documents, List<BadRecord> Bad)> SkippingAsync(
        IEnumerable<string> files, ReaderOptions? template = null)
    {
        var bad = new List<BadRecord>();
        var options = new ReaderOptions
        {
            SkipBad = true,
            OnBadRecord = bad.Add,
            TextField = template?.TextField,
            IdField = template?.IdField,
            MaxDocumentBytes = template?.MaxDocumentBytes ?? ReaderOptions.DefaultMaxDocumentBytes,
            KeepOriginal = template?.KeepOriginal ?? false,
            ReadBufferBytes = template?.ReadBufferBytes ?? 256 * 1024,
        };
        var documents = new List<Document>();
        await foreach (Document document in DocumentReaders.ReadAllAsync(files, options)) documents.Add(document);
        return (documents, bad);
    }

    public static async Task<CorpusInputException> FailureAsync(string path, ReaderOptions? options = null) =>
        await Assert.ThrowsAsync<CorpusInputException>(() => AllAsync(path, options));
}
