#:project ../../src/CorpusQA.IO/CorpusQA.IO.csproj
// Builds a large signals.parquet for the rules-apply benchmark by repeating an audit's rows until ROWS rows
// (doc_index and row_index renumbered, doc_id suffixed with the copy number), keeping the footer metadata
// (corpusqa.signals_schema) so that `corpusqa rules apply` accepts it.
//   dotnet run benchmarks/replay/ReplicateSignals.cs -- IN/signals.parquet OUT/signals.parquet ROWS
using CorpusQA.IO;

if (args.Length != 3) { Console.Error.WriteLine("usage: ReplicateSignals IN.parquet OUT.parquet ROWS"); return 2; }
long target = long.Parse(args[2]);
await using var input = await ResultTableReader.OpenAsync(args[0]);
var names = input.ColumnNames;
var types = names.Select(n => input.ColumnType(n) ?? throw new InvalidOperationException($"column {n}: unsupported type")).ToArray();
var columns = new List<Array>[names.Count];
for (int c = 0; c < names.Count; c++) columns[c] = [];
for (int g = 0; g < input.RowGroupCount; g++)
{
    using var group = input.OpenRowGroup(g);
    for (int c = 0; c < names.Count; c++)
        columns[c].Add(types[c] switch
        {
            TableColumnType.String => await group.ReadStringsAsync(names[c]),
            TableColumnType.Int32 => await group.ReadInt32sAsync(names[c]),
            TableColumnType.Int64 => await group.ReadInt64sAsync(names[c]),
            TableColumnType.Double => await group.ReadNullableDoublesAsync(names[c]),
            TableColumnType.Float => await group.ReadFloatsAsync(names[c]),
            _ => await group.ReadBoolsAsync(names[c]),
        });
}
var flat = columns.Select(parts => parts.SelectMany(a => a.Cast<object?>()).ToArray()).ToArray();
long sourceRows = flat[0].Length;
int docIndex = names.ToList().IndexOf("doc_index"), rowIndex = names.ToList().IndexOf("row_index"), docId = names.ToList().IndexOf("doc_id");
await using var output = await ParquetTableWriter.CreateAsync(args[1], names.Select((n, i) => new TableColumn(n, types[i])).ToList(),
    new ParquetTableWriterOptions { Metadata = input.Metadata.ToDictionary() });
for (long row = 0; row < target; row++)
{
    long source = row % sourceRows, copy = row / sourceRows;
    for (int c = 0; c < names.Count; c++)
    {
        object? value = flat[c][source];
        if (c == docIndex || c == rowIndex) value = row;
        else if (c == docId && copy > 0) value = $"{value}-{copy}";
        switch (types[c])
        {
            case TableColumnType.String: output.SetString(c, (string?)value); break;
            case TableColumnType.Int32: output.SetInt32(c, (int?)value); break;
            case TableColumnType.Int64: output.SetInt64(c, (long?)value); break;
            case TableColumnType.Double: output.SetDouble(c, (double?)value); break;
            case TableColumnType.Float: output.SetFloat(c, (float?)value); break;
            default: output.SetBool(c, (bool?)value); break;
        }
    }
    await output.EndRowAsync();
}
await output.CompleteAsync();
Console.Error.WriteLine($"{target:N0} rows ({sourceRows:N0} source rows repeated) -> {args[1]}");
return 0;
