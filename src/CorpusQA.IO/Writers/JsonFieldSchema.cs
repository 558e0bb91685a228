using System.Text;
using System.Text.Json;

namespace CorpusQA.IO.Writers;

/// <summary>
/// The Parquet columns for JSON-lines records, inferred from a sample: the top-level fields in order of first
/// appearance; strings → String, integers → Int64, other numbers → Double (Int64 widened to Double when both occur),
/// booleans → Bool; objects, arrays, mixed kinds and always-null fields → String holding the JSON text.
/// </summary>
internal static class JsonFieldSchema
{
    [Flags]
    private enum Seen { None = 0, String = 1, Integer = 2, Fraction = 4, Bool = 8, Structured = 16 }

    public static List<TableColumn> Infer(IEnumerable<byte[]> lines)
    {
        var order = new List<string>();
        var seen = new Dictionary<string, Seen>(StringComparer.Ordinal);
        foreach (byte[] line in lines)
        {
            var reader = new Utf8JsonReader(line);
            reader.Read(); // StartObject: the reader already validated every line
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                reader.Read();
                Seen kind = Classify(ref reader);
                reader.Skip();
                if (!seen.TryGetValue(name, out Seen previous))
                {
                    order.Add(name);
                    previous = Seen.None;
                }
                seen[name] = previous | kind;
            }
        }
        return order.Select(name => new TableColumn(name, ColumnType(seen[name]))).ToList();
    }

    private static Seen Classify(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => Seen.String,
        JsonTokenType.Number => reader.TryGetInt64(out _) ? Seen.Integer : Seen.Fraction,
        JsonTokenType.True or JsonTokenType.False => Seen.Bool,
        JsonTokenType.Null => Seen.None,
        _ => Seen.Structured,
    };

    private static TableColumnType ColumnType(Seen seen) => seen switch
    {
        Seen.Integer => TableColumnType.Int64,
        Seen.Fraction or (Seen.Integer | Seen.Fraction) => TableColumnType.Double,
        Seen.Bool => TableColumnType.Bool,
        _ => TableColumnType.String,
    };

    /// <summary>Sets one record's values on the table's current row; returns a problem or null.</summary>
    public static string? SetRow(ParquetTableWriter table, Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> columns,
        ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line);
        reader.Read();
        Span<char> nameBuffer = stackalloc char[256];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // UTF-8 never has fewer bytes than UTF-16 chars, so short unescaped names fit the stack buffer.
            ReadOnlySpan<char> name = !reader.ValueIsEscaped && reader.ValueSpan.Length <= nameBuffer.Length
                ? nameBuffer[..Encoding.UTF8.GetChars(reader.ValueSpan, nameBuffer)]
                : reader.GetString();
            if (!columns.TryGetValue(name, out int column))
                return $"field '{name}' does not occur in the first rows, which fixed the Parquet schema " +
                    "(write JSON-lines outputs to keep every field)";
            reader.Read();
            if (SetValue(table, column, ref reader, line) is { } problem) return problem;
            reader.Skip();
        }
        return null;
    }

    private static string? SetValue(ParquetTableWriter table, int column, ref Utf8JsonReader reader, ReadOnlySpan<byte> line)
    {
        TableColumn target = table.Columns[column];
        if (reader.TokenType == JsonTokenType.Null) return null; // unset = null
        switch (target.Type)
        {
            case TableColumnType.Int64 when reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long integer):
                table.SetInt64(column, integer);
                return null;
            case TableColumnType.Double when reader.TokenType == JsonTokenType.Number:
                table.SetDouble(column, reader.GetDouble());
                return null;
            case TableColumnType.Bool when reader.TokenType is JsonTokenType.True or JsonTokenType.False:
                table.SetBool(column, reader.GetBoolean());
                return null;
            case TableColumnType.String when reader.TokenType == JsonTokenType.String:
                table.SetString(column, reader.GetString());
                return null;
            case TableColumnType.String:
                int start = (int)reader.TokenStartIndex;
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
                table.SetString(column, Encoding.UTF8.GetString(line[start..(int)reader.BytesConsumed]));
                return null;
            default:
                return $"field '{target.Name}' is a JSON {reader.TokenType}, but its Parquet column (inferred from the " +
                    $"first rows) is {target.Type} (write JSON-lines outputs to keep it as is)";
        }
    }
}
