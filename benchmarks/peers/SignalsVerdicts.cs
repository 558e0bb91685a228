#:project ../../src/CorpusQA.IO/CorpusQA.IO.csproj
// Turns an audit's signals.parquet (doc_id, keep, drop_reasons) into the verdict JSON lines that
// ../shared/peers/quality/score_verdicts.py reads: {"id", "keep", "reason"} per document, in input order.
//   dotnet run benchmarks/peers/SignalsVerdicts.cs -- DIR/signals.parquet OUT.jsonl
using System.Text.Json;
using CorpusQA.IO;

if (args.Length != 2) { Console.Error.WriteLine("usage: SignalsVerdicts SIGNALS.parquet OUT.jsonl"); return 2; }
await using var input = await ResultTableReader.OpenAsync(args[0]);
foreach (var column in new[] { "doc_id", "keep", "drop_reasons" })
    if (!input.HasColumn(column)) { Console.Error.WriteLine($"{args[0]}: no {column} column"); return 3; }
await using var file = File.Create(args[1]);
using var output = new Utf8JsonWriter(file);
var newline = "\n"u8.ToArray();
long rows = 0, kept = 0;
for (int g = 0; g < input.RowGroupCount; g++)
{
    using var group = input.OpenRowGroup(g);
    var ids = await group.ReadStringsAsync("doc_id");
    var keep = await group.ReadBoolsAsync("keep");
    var reasons = await group.ReadStringsAsync("drop_reasons");
    for (int i = 0; i < ids.Length; i++)
    {
        bool k = keep[i] ?? throw new InvalidDataException($"row {rows}: null keep");
        output.WriteStartObject();
        output.WriteString("id", ids[i]);
        output.WriteBoolean("keep", k);
        output.WriteString("reason", reasons[i] ?? "");
        output.WriteEndObject();
        output.Flush(); file.Write(newline); output.Reset();
        rows++; if (k) kept++;
    }
}
Console.Error.WriteLine($"{rows:N0} verdicts ({kept:N0} kept) -> {args[1]}");
return 0;
