using System.Globalization;
using System.Text;
using System.Text.Json;
using CorpusQA.Core.Documents;

namespace CorpusQA.IO.Readers;

/// <summary>
/// Turns one JSON line into a <see cref="Document"/>, or reports why it cannot. Only the text and id values are
/// materialized; every other value is skipped by the reader without allocation.
/// </summary>
internal sealed class JsonLineParser
{
    private readonly BadRecordPolicy _policy;
    private readonly ReaderOptions _options;
    private readonly byte[][] _textNames;
    private readonly string[] _textNameStrings;
    private readonly byte[] _idName;
    private readonly byte[][] _extraNames;

    public JsonLineParser(BadRecordPolicy policy, ReaderOptions options)
    {
        _policy = policy;
        _options = options;
        IEnumerable<string> names = options.TextField is { } t ? [t] : ReaderOptions.AutoTextFields;
        _textNameStrings = names.ToArray();
        _textNames = _textNameStrings.Select(Encoding.UTF8.GetBytes).ToArray();
        _idName = Encoding.UTF8.GetBytes(options.IdField ?? ReaderOptions.AutoIdField);
        _extraNames = options.ExtraFields.Select(Encoding.UTF8.GetBytes).ToArray();
    }

    /// <summary>Parses a line; null for a blank line or a reported bad record.</summary>
    public Document? Parse(ReadOnlySpan<byte> line, long row)
    {
        if (IsBlank(line)) return null;
        int invalid = Utf8Check.FirstInvalidByte(line);
        if (invalid >= 0)
        {
            _policy.Report(row, $"invalid UTF-8 at byte {invalid} of the line");
            return null;
        }
        try
        {
            return ParseObject(line, row);
        }
        catch (JsonException ex)
        {
            _policy.Report(row, InvalidJson(ex), ex);
        }
        catch (InvalidOperationException ex)
        {
            // Utf8JsonReader.GetString throws this for escapes that decode to invalid UTF-16 (lone surrogates).
            _policy.Report(row, $"invalid JSON string: {FirstLine(ex.Message)}", ex);
        }
        return null;
    }

    private Document? ParseObject(ReadOnlySpan<byte> line, long row)
    {
        var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 256 });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            _policy.Report(row, $"line is a JSON {reader.TokenType}, not an object");
            return null;
        }

        var text = new TextCandidate(int.MaxValue, null, null);
        string? id = null;
        string? idProblem = null;
        string?[]? extras = _extraNames.Length == 0 ? null : new string?[_extraNames.Length];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            int textRank = TextRank(ref reader);
            bool isId = reader.ValueTextEquals(_idName);
            int extra = ExtraIndex(ref reader);
            reader.Read();
            if (extra >= 0) (extras![extra], idProblem) = (ReadScalar(ref reader, _options.ExtraFields[extra], out string? extraProblem), idProblem ?? extraProblem);
            if (textRank < text.Rank) text = ReadText(ref reader, textRank);
            else if (isId) (id, idProblem) = ReadId(ref reader);
            reader.Skip();
        }
        if (reader.Read()) throw new JsonException("more than one JSON value on the line");
        // A field asked for twice (a label that is also the group) is read once: copy it to the later places.
        for (int i = 1; extras is not null && i < extras.Length; i++)
            for (int j = 0; j < i; j++)
                if (_options.ExtraFields[i] == _options.ExtraFields[j]) extras[i] = extras[j];

        string? problem = text.Problem ?? (text.Value is null ? MissingTextReason() : null) ?? idProblem;
        if (id is null && problem is null && _options.IdField is { } idField)
            problem = $"no id field '{idField}'";
        if (problem is not null)
        {
            _policy.Report(row, problem);
            return null;
        }
        return new Document
        {
            Id = id ?? row.ToString(CultureInfo.InvariantCulture),
            IdIsRowIndex = id is null,
            Text = text.Value!,
            SourceFile = _policy.File,
            RowIndex = row,
            Original = _options.KeepOriginal ? line.ToArray() : null,
            Fields = extras,
        };
    }

    private int ExtraIndex(ref Utf8JsonReader reader)
    {
        for (int i = 0; i < _extraNames.Length; i++)
            if (reader.ValueTextEquals(_extraNames[i])) return i;
        return -1;
    }

    /// <summary>A string as is, a number or boolean as its JSON text, null as null; anything else is a problem.</summary>
    private static string? ReadScalar(ref Utf8JsonReader reader, string name, out string? problem)
    {
        problem = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.String: return reader.GetString();
            case JsonTokenType.Number: return Encoding.UTF8.GetString(reader.ValueSpan);
            case JsonTokenType.True: return "true";
            case JsonTokenType.False: return "false";
            case JsonTokenType.Null: return null;
            default:
                problem = $"field '{name}' is a JSON {reader.TokenType}, not a string, number or boolean";
                return null;
        }
    }

    private readonly record struct TextCandidate(int Rank, string? Value, string? Problem);

    private int TextRank(ref Utf8JsonReader reader)
    {
        for (int i = 0; i < _textNames.Length; i++)
            if (reader.ValueTextEquals(_textNames[i])) return i;
        return int.MaxValue;
    }

    private TextCandidate ReadText(ref Utf8JsonReader reader, int rank)
    {
        string name = _textNameStrings[rank];
        switch (reader.TokenType)
        {
            case JsonTokenType.String when !reader.ValueIsEscaped:
                // Already validated as UTF-8, so the decoder cannot meet an invalid sequence here.
                return _policy.CheckSize(reader.ValueSpan.Length) is { } tooLongRaw
                    ? new TextCandidate(rank, null, tooLongRaw)
                    : new TextCandidate(rank, Encoding.UTF8.GetString(reader.ValueSpan), null);
            case JsonTokenType.String:
                string value = reader.GetString()!;
                return _policy.CheckSize(Encoding.UTF8.GetByteCount(value)) is { } tooLong
                    ? new TextCandidate(rank, null, tooLong)
                    : new TextCandidate(rank, value, null);
            case JsonTokenType.Null:
                return new TextCandidate(rank, null, $"text field '{name}' is null");
            default:
                return new TextCandidate(rank, null, $"text field '{name}' is a JSON {reader.TokenType}, not a string");
        }
    }

    private (string? Id, string? Problem) ReadId(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => (reader.GetString(), null),
        JsonTokenType.Number => (Encoding.UTF8.GetString(reader.ValueSpan), null),
        JsonTokenType.Null => (null, null),
        _ => (null, $"id field '{Encoding.UTF8.GetString(_idName)}' is a JSON {reader.TokenType}, not a string or number"),
    };

    private string MissingTextReason() => _options.TextField is { } t
        ? $"no text field '{t}'"
        : $"no text field (looked for {string.Join(", ", ReaderOptions.AutoTextFields.Select(n => $"'{n}'"))}; set --text-field)";

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept((byte)' ', (byte)'\t', (byte)'\r') < 0;

    /// <summary>
    /// "invalid JSON at byte 19 of the line: 'b' is an invalid start of a value." — the row is named by the caller, so
    /// .NET's own " LineNumber: 0 | BytePositionInLine: 19." (always line 0 of a one-line parse) is dropped.
    /// </summary>
    private static string InvalidJson(JsonException ex)
    {
        string message = FirstLine(ex.Message);
        int position = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (position >= 0) message = message[..position].TrimEnd();
        return ex.BytePositionInLine is { } at ? $"invalid JSON at byte {at} of the line: {message}" : $"invalid JSON: {message}";
    }

    private static string FirstLine(string message)
    {
        int newline = message.IndexOf('\n');
        return newline < 0 ? message : message[..newline].TrimEnd();
    }
}
