using CorpusQA.IO;
using CorpusQA.IO.Writers;

namespace CorpusQA.Pipeline;

/// <summary>errors.jsonl: one line per skipped bad record, <c>{"file","row","reason","message"}</c>.</summary>
internal sealed class BadRecordLog(string path) : IAsyncDisposable
{
    private readonly JsonlWriter _writer = JsonlWriter.Create(path);

    public long Count { get; private set; }

    public void Add(BadRecord bad)
    {
        Count++;
        _writer.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("file", bad.File);
            if (bad.Row is { } row) json.WriteNumber("row", row);
            else json.WriteNull("row");
            json.WriteString("reason", bad.Reason);
            json.WriteString("message", bad.ToString());
            json.WriteEndObject();
        });
    }

    public Task<string> CompleteAsync(bool partial) => partial ? _writer.CompletePartialAsync() : _writer.CompleteAsync();

    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
