using System.Text.Encodings.Web;
using System.Text.Json;
using CorpusQA.IO.Writers;

namespace CorpusQA.IO;

/// <summary>
/// Writes JSON lines (UTF-8, one value per line, '\n' endings, CJK text unescaped), atomically like
/// <see cref="ParquetTableWriter"/>: visible under its name only after <see cref="CompleteAsync"/>.
/// </summary>
public sealed class JsonlWriter : IAsyncDisposable
{
    /// <summary>The writer options used for every line: relaxed escaping keeps Chinese text readable.</summary>
    internal static JsonWriterOptions WriterOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    private readonly AtomicFile _file;
    private readonly Utf8JsonWriter _json;

    private JsonlWriter(AtomicFile file)
    {
        _file = file;
        _json = new Utf8JsonWriter(file.Stream, WriterOptions);
    }

    /// <summary>Lines written so far.</summary>
    public long Count { get; private set; }

    /// <summary>Starts writing <paramref name="path"/> (under a temporary name until completed).</summary>
    public static JsonlWriter Create(string path) => new(new AtomicFile(path));

    /// <summary>Writes one line: <paramref name="writeValue"/> must write exactly one JSON value.</summary>
    public void Write(Action<Utf8JsonWriter> writeValue)
    {
        writeValue(_json);
        EndLine();
    }

    /// <summary>Writes one line holding <paramref name="value"/> serialized with System.Text.Json.</summary>
    public void Write<T>(T value, JsonSerializerOptions? options = null)
    {
        JsonSerializer.Serialize(_json, value, options ?? DefaultSerializerOptions);
        EndLine();
    }

    /// <summary>Writes bytes that already form one JSON line (without its newline), unchanged.</summary>
    internal void WriteRawLine(ReadOnlySpan<byte> line)
    {
        _file.Stream.Write(line);
        _file.Stream.WriteByte((byte)'\n');
        Count++;
    }

    /// <summary>Moves the file to its final name; returns that path.</summary>
    public async Task<string> CompleteAsync()
    {
        // The JSON writer flushes on dispose, so it goes before the file closes.
        await _json.DisposeAsync().ConfigureAwait(false);
        return await _file.CommitAsync().ConfigureAwait(false);
    }

    /// <summary>Keeps what was written as <c>name.partial.jsonl</c>; returns that path.</summary>
    public async Task<string> CompletePartialAsync()
    {
        await _json.DisposeAsync().ConfigureAwait(false);
        return await _file.CommitPartialAsync().ConfigureAwait(false);
    }

    /// <summary>Abandons an uncompleted file (the temporary file is deleted); a completed one is left alone.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_file.IsDone) await _json.DisposeAsync().ConfigureAwait(false);
        await _file.DisposeAsync().ConfigureAwait(false);
    }

    private static readonly JsonSerializerOptions DefaultSerializerOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    private void EndLine()
    {
        _json.Flush();
        _json.Reset();
        _file.Stream.WriteByte((byte)'\n');
        Count++;
    }
}
