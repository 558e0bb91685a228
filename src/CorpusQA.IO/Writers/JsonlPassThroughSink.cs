using System.Text.Json;
using CorpusQA.Core.Documents;

namespace CorpusQA.IO.Writers;

/// <summary>
/// Writes JSON-lines records through byte for byte (the removed output gets a <c>"drop_reasons"</c> member appended
/// before the closing brace). Documents without a raw line (.txt inputs) are written as {"id", "text"} objects.
/// </summary>
internal sealed class JsonlPassThroughSink(string path, bool withDropReasons) : IPassThroughSink
{
    private readonly JsonlWriter _writer = JsonlWriter.Create(path);

    public long Count => _writer.Count;

    public ValueTask WriteAsync(Document document, string? dropReasons, CancellationToken cancellationToken)
    {
        switch (document.Original)
        {
            case byte[] line when !withDropReasons:
                _writer.WriteRawLine(line);
                break;
            case byte[] line:
                _writer.WriteRawLine(AppendDropReasons(line, dropReasons ?? ""));
                break;
            case null:
                _writer.Write(json =>
                {
                    json.WriteStartObject();
                    json.WriteString("id", document.Id);
                    json.WriteString("text", document.Text);
                    if (withDropReasons) json.WriteString(FilterOutputWriter.DropReasonsColumn, dropReasons ?? "");
                    json.WriteEndObject();
                });
                break;
            default:
                throw new InvalidOperationException(
                    $"{document.SourceFile}: row {document.RowIndex}: a Parquet row cannot be passed through to JSON lines");
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>The line with <c>,"drop_reasons":"..."</c> inserted before its final '}'.</summary>
    internal static byte[] AppendDropReasons(ReadOnlySpan<byte> line, string dropReasons)
    {
        int close = line.LastIndexOf((byte)'}');
        if (close < 0) throw new InvalidOperationException("a JSON line passed through must be an object");
        int lastContent = line[..close].LastIndexOfAnyExcept((byte)' ', (byte)'\t', (byte)'\r');
        bool empty = lastContent >= 0 && line[lastContent] == (byte)'{';

        using var member = new MemoryStream();
        using (var json = new Utf8JsonWriter(member, JsonlWriter.WriterOptions))
        {
            json.WriteStringValue(FilterOutputWriter.DropReasonsColumn);
        }
        byte[] name = member.ToArray();
        member.SetLength(0);
        using (var json = new Utf8JsonWriter(member, JsonlWriter.WriterOptions))
        {
            json.WriteStringValue(dropReasons);
        }
        byte[] value = member.ToArray();

        var result = new byte[line.Length + (empty ? 0 : 1) + name.Length + 1 + value.Length];
        var output = result.AsSpan();
        line[..close].CopyTo(output);
        int at = close;
        if (!empty) output[at++] = (byte)',';
        name.CopyTo(output[at..]);
        at += name.Length;
        output[at++] = (byte)':';
        value.CopyTo(output[at..]);
        at += value.Length;
        line[close..].CopyTo(output[at..]);
        return result;
    }

    public async Task<string> CompleteAsync(bool partial, CancellationToken cancellationToken) =>
        partial ? await _writer.CompletePartialAsync().ConfigureAwait(false) : await _writer.CompleteAsync().ConfigureAwait(false);

    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
