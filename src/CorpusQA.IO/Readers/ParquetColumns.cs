using Parquet.Schema;

namespace CorpusQA.IO.Readers;

/// <summary>The text and id columns of a Parquet schema, found by <see cref="ReaderOptions"/>.</summary>
internal sealed record ParquetColumns(DataField Text, DataField? Id, DataField[] Extras)
{
    public DataField[] Needed => [Text, .. Id is null ? Array.Empty<DataField>() : [Id], .. Extras.Where(e => e != Text && e != Id)];

    /// <summary>Null, with the reason, when there is no usable text (or requested id) column.</summary>
    public static ParquetColumns? Resolve(ParquetSchema schema, ReaderOptions options, out string? problem)
    {
        problem = null;
        IEnumerable<string> textNames = options.TextField is { } t ? [t] : ReaderOptions.AutoTextFields;
        DataField? text = textNames.Select(name => FindFlat(schema, name)).FirstOrDefault(f => f is not null);
        if (text is null)
            problem = MissingTextReason(schema, options);
        else if (text.ClrType != typeof(ReadOnlyMemory<char>) && text.ClrType != typeof(string))
            problem = $"text column '{text.Name}' has type {TypeName(text)}, not string";
        DataField? id = FindFlat(schema, options.IdField ?? ReaderOptions.AutoIdField);
        if (id is null && options.IdField is { } idName)
            problem ??= $"no id column '{idName}'; the file has columns: {ColumnList(schema)}";
        var extras = new DataField[options.ExtraFields.Count];
        for (int i = 0; i < extras.Length && problem is null; i++)
        {
            extras[i] = FindFlat(schema, options.ExtraFields[i])!;
            if (extras[i] is null) problem = $"no column '{options.ExtraFields[i]}'; the file has columns: {ColumnList(schema)}";
        }
        return problem is null ? new ParquetColumns(text!, id, extras) : null;
    }

    private static string MissingTextReason(ParquetSchema schema, ReaderOptions options)
    {
        string looked = options.TextField is { } t
            ? $"'{t}'"
            : string.Join(", ", ReaderOptions.AutoTextFields.Select(n => $"'{n}'"));
        return $"no text column (looked for {looked}; set --text-field); the file has columns: {ColumnList(schema)}";
    }

    private static DataField? FindFlat(ParquetSchema schema, string name) =>
        schema.Fields.FirstOrDefault(f => f.Name == name) is DataField { MaxRepetitionLevel: 0 } field ? field : null;

    private static string ColumnList(ParquetSchema schema) =>
        string.Join(", ", schema.Fields.Select(f => f is DataField d ? $"{f.Name} ({TypeName(d)})" : $"{f.Name} ({f.SchemaType})"));

    private static string TypeName(DataField field) =>
        field.ClrType == typeof(ReadOnlyMemory<char>) ? "string"
        : field.ClrType == typeof(ReadOnlyMemory<byte>) ? "binary"
        : field.ClrType.Name;
}
