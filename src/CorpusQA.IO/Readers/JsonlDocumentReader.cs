using System.Runtime.CompilerServices;
using CorpusQA.Core.Documents;

namespace CorpusQA.IO.Readers;

/// <summary>Reads JSON lines (.jsonl, .json, .jsonl.gz, .jsonl.zst): one document per non-blank line.</summary>
internal sealed class JsonlDocumentReader(string file, ReaderOptions options) : IDocumentReader
{
    private readonly BadRecordPolicy _policy = new(file, options);

    public string File => file;

    public async IAsyncEnumerable<Document> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        _truncated = null;
        CompressedInput? input = Open();
        if (input is null) yield break;
        await using (input.ConfigureAwait(false))
        {
            var parser = new JsonLineParser(_policy, options);
            using var lines = new LineSplitter(input.Stream, options.ReadBufferBytes, MaxLineBytes(options));
            long lastCompleteRow = -1;
            bool sawContent = false;
            var only = options.OnlyRows;
            long lastWanted = only is null || only.Count == 0 ? long.MaxValue : only.Max();
            if (only is { Count: 0 }) yield break;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                LineStatus status = lines.Next(out int start, out int length, out long row);
                if (status == LineStatus.End) break;
                if (status == LineStatus.NeedMore)
                {
                    await FillAsync(lines, input, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                // The unterminated tail of a truncated stream is a cut-off line: not parsed, covered by the report below.
                if (status == LineStatus.UnterminatedLine && _truncated is not null) break;
                if (status == LineStatus.TooLong)
                {
                    _policy.Report(row, $"line is over {MaxLineBytes(options) / (1024 * 1024)} MB " +
                        "(4 x the --max-doc-mb limit + 1 MB); skipped without parsing");
                    continue;
                }
                lastCompleteRow = row;
                if (only is not null && !only.Contains(row))
                {
                    if (row > lastWanted) break;
                    continue;
                }
                if (!sawContent && !IsBlank(lines.Buffer.Slice(start, length)))
                {
                    sawContent = true;
                    if (NotJsonLines(lines.Buffer.Slice(start, length)) is { } problem)
                    {
                        _policy.Report(null, problem);
                        yield break;
                    }
                }
                Document? document = parser.Parse(lines.Buffer.Slice(start, length), row);
                if (document is not null) yield return document;
            }
            if (_truncated is not null)
                _policy.Report(null, $"{_truncated}; the last complete row is {lastCompleteRow}");
        }
    }

    private CompressedInput? Open()
    {
        try
        {
            return CompressedInput.Open(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _policy.Report(null, $"cannot open: {ex.Message}", ex);
            return null;
        }
    }

    /// <summary>
    /// A whole-file JSON document (an array, or one pretty-printed object) would otherwise give one bad row per line.
    /// </summary>
    private static string? NotJsonLines(ReadOnlySpan<byte> firstLine)
    {
        ReadOnlySpan<byte> content = firstLine[FirstNonBlank(firstLine)..].TrimEnd(" \t\r"u8);
        if (content[0] == (byte)'[')
            return "this is a JSON array, not JSON lines (one object per line); convert it with: jq -c '.[]'";
        if (content.SequenceEqual("{"u8))
            return "this is pretty-printed JSON, not JSON lines (one object per line); convert it with: jq -c .";
        return null;
    }

    private static int FirstNonBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept((byte)' ', (byte)'\t', (byte)'\r');

    private static bool IsBlank(ReadOnlySpan<byte> line) => FirstNonBlank(line) < 0;

    /// <summary>Why the compressed stream ended early, once known; the complete lines before it are still read.</summary>
    private string? _truncated;

    private async ValueTask FillAsync(LineSplitter lines, CompressedInput input, CancellationToken cancellationToken)
    {
        try
        {
            if (!await lines.FillAsync(cancellationToken).ConfigureAwait(false))
                _truncated = input.CheckComplete(lines.BytesRead);
        }
        catch (Exception ex) when (input.Codec is not null && IsDecompressionFailure(ex))
        {
            _truncated = $"{input.Codec} stream is truncated or corrupt: {ex.Message}";
            lines.MarkEnd();
        }
    }

    private static bool IsDecompressionFailure(Exception ex) =>
        ex is InvalidDataException or EndOfStreamException or ZstdSharp.ZstdException or IOException;

    /// <summary>
    /// A line may be longer than its text (JSON escapes, other fields); 4x the text limit plus 1 MiB bounds the buffer
    /// while leaving room for escaped CJK text (\uXXXX is 6 bytes for 3 UTF-8 bytes).
    /// </summary>
    internal static int MaxLineBytes(ReaderOptions options) =>
        (int)Math.Min(Array.MaxLength / 2, options.MaxDocumentBytes * 4 + 1024 * 1024);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
