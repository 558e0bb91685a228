using System.Runtime.CompilerServices;
using System.Text;
using CorpusQA.Core.Documents;

namespace CorpusQA.IO.Readers;

/// <summary>
/// Reads a .txt file as one document: id = file name without extension, row 0, strict UTF-8 (a leading BOM is
/// dropped). An empty file is a document with empty text. <see cref="Document.Original"/> stays null.
/// </summary>
internal sealed class TextDocumentReader(string file, ReaderOptions options) : IDocumentReader
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    public string File => file;

    public async IAsyncEnumerable<Document> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var policy = new BadRecordPolicy(file, options);
        byte[]? bytes = await ReadBytesAsync(policy, cancellationToken).ConfigureAwait(false);
        if (bytes is null) yield break;

        int offset = bytes.AsSpan().StartsWith(Bom) ? Bom.Length : 0;
        ReadOnlySpan<byte> body = bytes.AsSpan(offset);
        if (policy.CheckSize(body.Length) is { } tooLong)
        {
            policy.Report(0, tooLong);
            yield break;
        }
        int invalid = Utf8Check.FirstInvalidByte(body);
        if (invalid >= 0)
        {
            policy.Report(0, $"invalid UTF-8 at byte offset {invalid + offset}");
            yield break;
        }
        yield return new Document
        {
            Id = Path.GetFileNameWithoutExtension(file),
            Text = Encoding.UTF8.GetString(body),
            SourceFile = file,
            RowIndex = 0,
        };
    }

    private async Task<byte[]?> ReadBytesAsync(BadRecordPolicy policy, CancellationToken cancellationToken)
    {
        try
        {
            long length = new FileInfo(file).Length;
            // Refuse a file that is over the limit even without a BOM before reading it (sized as the whole file);
            // the exact check on the text follows the read.
            if (length - Bom.Length > options.MaxDocumentBytes)
            {
                policy.Report(0, BadRecordPolicy.TooLongReason(length, options.MaxDocumentBytes));
                return null;
            }
            return await System.IO.File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            policy.Report(null, $"cannot read: {ex.Message}", ex);
            return null;
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
