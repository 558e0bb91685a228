using System.Text;
using System.Text.Json;
using CorpusQA.Core.Documents;
using CorpusQA.IO.Tests.Support;
using Parquet;
using Parquet.Schema;

namespace CorpusQA.IO.Tests.Writers;

public sealed class FilterOutputWriterTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>A Hugging Face-like shard: flat, nullable, list and struct columns, several row groups.</summary>
    private async Task<string> WriteShardAsync(string name, int rows, int offset, bool extraColumn = false)
    {
        var id = new DataField<string>("id");
        var text = new DataField<string>("text");
        var score = new DataField<double?>("score");
        var tags = new ListField("tags", new DataField<string>("element"));
        var meta = new StructField("meta", new DataField<string>("url"), new DataField<int?>("year"));
        Field[] fields = extraColumn ? [id, text, score, tags, meta, new DataField<bool>("flag")] : [id, text, score, tags, meta];
        var schema = new ParquetSchema(fields);
        string path = _dir.File(name);
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream);
        for (int start = 0; start < rows; start += 6)
        {
            int count = Math.Min(6, rows - start);
            var numbers = Enumerable.Range(offset + start, count).ToArray();
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(id, numbers.Select(n => $"doc-{n}").ToArray(), null);
            await group.WriteAsync(text, numbers.Select(n => $"第{n}篇").ToArray(), null);
            await group.WriteAsync<double>(score, numbers.Select(n => n % 4 == 0 ? null : (double?)n / 8).ToArray().AsMemory(), null, null, default);
            // tags: n%3==0 → null list, n%3==1 → empty list, else ["t{n}", "u"]
            var values = new List<ReadOnlyMemory<char>>();
            var defs = new List<int>();
            var reps = new List<int>();
            foreach (int n in numbers)
            {
                if (n % 3 == 0) { defs.Add(0); reps.Add(0); }
                else if (n % 3 == 1) { defs.Add(1); reps.Add(0); }
                else
                {
                    values.Add($"t{n}".AsMemory()); defs.Add(3); reps.Add(0);
                    values.Add("u".AsMemory()); defs.Add(3); reps.Add(1);
                }
            }
            await group.WriteAllPartsAsync<ReadOnlyMemory<char>>((DataField)tags.Item, values.ToArray(), defs.ToArray(), reps.ToArray(), default);
            await group.WriteAsync((DataField)meta.Fields[0], numbers.Select(n => $"https://example.org/{n}").ToArray(), null);
            await group.WriteAsync<int>((DataField)meta.Fields[1], numbers.Select(n => n % 5 == 0 ? null : (int?)(2000 + n)).ToArray().AsMemory(), null, null, default);
            if (extraColumn) await group.WriteAsync<bool>((DataField)fields[5], numbers.Select(n => true).ToArray().AsMemory(), null, null, default);
            group.CompleteValidate();
        }
        return path;
    }

    private static bool Keep(Document document) => document.RowIndex % 3 != 1;

    private static async Task FilterAsync(FilterOutputWriter output, IReadOnlyList<string> files, bool readAllFirst = false)
    {
        var documents = DocumentReaders.ReadAllAsync(files, new ReaderOptions { KeepOriginal = true });
        // Reading everything first proves Original owns its values (no pooled reader buffer is reused under it).
        IAsyncEnumerable<Document> source = readAllFirst ? (await documents.ToListAsync()).ToAsyncEnumerable() : documents;
        await foreach (Document document in source)
            await output.WriteAsync(document, Keep(document), Keep(document) ? null : ["too_short", "low_cjk_ratio"]);
    }

    [Fact]
    public async Task Parquet_kept_plus_removed_equals_the_input_with_original_columns()
    {
        var files = new[] { await WriteShardAsync("a.parquet", 20, 0), await WriteShardAsync("b.parquet", 11, 100) };
        string output = _dir.File("out");

        await using (var writer = await FilterOutputWriter.CreateAsync(output, files, new FilterOutputOptions { RowGroupRows = 4 }))
        {
            Assert.Equal(FilterOutputFormat.Parquet, writer.Format);
            await FilterAsync(writer, files, readAllFirst: true);
            var (keptPath, removedPath) = await writer.CompleteAsync();
            Assert.Equal(Path.Combine(output, "kept.parquet"), keptPath);
            Assert.Equal(Path.Combine(output, "removed.parquet"), removedPath);
            Assert.Equal(31, writer.KeptCount + writer.RemovedCount);
        }

        string input = $"read_parquet(['{files[0]}', '{files[1]}'])";
        string kept = $"read_parquet('{output}/kept.parquet')";
        string removed = $"read_parquet('{output}/removed.parquet')";
        var inputSchema = DuckDb.Describe(files[0]);
        Assert.Equal(inputSchema, DuckDb.Describe($"{output}/kept.parquet"));
        Assert.Equal([.. inputSchema, ("drop_reasons", "VARCHAR")], DuckDb.Describe($"{output}/removed.parquet"));

        string union = $"(SELECT * FROM {kept} UNION ALL SELECT * EXCLUDE (drop_reasons) FROM {removed})";
        Assert.Equal(31L, DuckDb.Query($"SELECT count(*) FROM {union}")[0][0]);
        Assert.Empty(DuckDb.Query($"SELECT * FROM {input} EXCEPT ALL SELECT * FROM {union}"));
        Assert.Empty(DuckDb.Query($"SELECT * FROM {union} EXCEPT ALL SELECT * FROM {input}"));
        // Row order is kept within each output, and nested values survive (null list vs empty list vs values).
        var keptIds = DuckDb.Query($"SELECT id, tags, meta.year FROM {kept}");
        Assert.Equal("doc-0", keptIds[0][0]);
        Assert.Null(keptIds[0][1]);
        Assert.Equal(new[] { "doc-0", "doc-2", "doc-3" }, keptIds.Take(3).Select(r => (string)r[0]!));
        Assert.Equal(["too_short,low_cjk_ratio"],
            DuckDb.Query($"SELECT DISTINCT drop_reasons FROM {removed}").Select(r => (string)r[0]!));
    }

    [Fact]
    public async Task Parquet_inputs_with_different_schemas_are_a_clear_error()
    {
        string a = await WriteShardAsync("a.parquet", 3, 0);
        string b = await WriteShardAsync("b.parquet", 3, 0, extraColumn: true);

        var error = await Assert.ThrowsAsync<CorpusInputException>(() => FilterOutputWriter.CreateAsync(_dir.File("out"), [a, b]));

        Assert.Equal(b, error.File);
        Assert.Contains($"schema differs from {a}", error.Message);
        Assert.Empty(Directory.Exists(_dir.File("out")) ? Directory.GetFiles(_dir.File("out")) : []);
    }

    [Fact]
    public async Task Jsonl_lines_pass_through_byte_for_byte()
    {
        string[] lines =
        [
            "{\"id\": 1, \"text\": \"保留\\u4e00\", \"x\": {\"deep\": [1, 2.50]}}",
            "{\"text\":\"丢弃\"}",
            "{ \"text\" : \"中\" , \"n\":null }  ",
        ];
        string input = _dir.Write("in.jsonl", string.Join("\r\n", lines) + "\n");
        string output = _dir.File("out");

        await using (var writer = await FilterOutputWriter.CreateAsync(output, [input]))
        {
            Assert.Equal(FilterOutputFormat.Jsonl, writer.Format);
            await FilterAsync(writer, [input]);
            await writer.CompleteAsync();
        }

        Assert.Equal(lines[0] + "\n" + lines[2] + "\n", await File.ReadAllTextAsync(Path.Combine(output, "kept.jsonl")));
        string removed = await File.ReadAllTextAsync(Path.Combine(output, "removed.jsonl"));
        Assert.Equal("{\"text\":\"丢弃\",\"drop_reasons\":\"too_short,low_cjk_ratio\"}\n", removed);
        Assert.Equal("too_short,low_cjk_ratio", JsonDocument.Parse(removed).RootElement.GetProperty("drop_reasons").GetString());
    }

    [Fact]
    public async Task Text_inputs_become_id_and_text_objects()
    {
        string input = _dir.Write("文章.txt", "正文\n");
        string output = _dir.File("out");

        await using (var writer = await FilterOutputWriter.CreateAsync(output, [input]))
        {
            await foreach (Document document in DocumentReaders.ReadAllAsync([input], new ReaderOptions { KeepOriginal = true }))
                await writer.WriteAsync(document, keep: false, ["empty_like"]);
            await writer.CompleteAsync();
        }

        Assert.Equal("{\"id\":\"文章\",\"text\":\"正文\\n\",\"drop_reasons\":\"empty_like\"}\n",
            await File.ReadAllTextAsync(Path.Combine(output, "removed.jsonl")));
        Assert.Equal("", await File.ReadAllTextAsync(Path.Combine(output, "kept.jsonl")));
    }

    [Fact]
    public async Task A_run_stopped_early_finalizes_partial_outputs()
    {
        string input = _dir.Write("in.jsonl", "{\"text\":\"a\"}\n{\"text\":\"b\"}\n");
        string output = _dir.File("out");

        await using (var writer = await FilterOutputWriter.CreateAsync(output, [input]))
        {
            await FilterAsync(writer, [input]);
            var (kept, removed) = await writer.CompletePartialAsync();
            Assert.Equal(Path.Combine(output, "kept.partial.jsonl"), kept);
            Assert.Equal(Path.Combine(output, "removed.partial.jsonl"), removed);
        }

        Assert.Equal(["kept.partial.jsonl", "removed.partial.jsonl"],
            Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Mixed_parquet_and_jsonl_inputs_are_refused()
    {
        string parquet = await WriteShardAsync("a.parquet", 2, 0);
        string jsonl = _dir.Write("b.jsonl", "{\"text\":\"x\"}\n");

        var error = await Assert.ThrowsAsync<CorpusInputException>(() => FilterOutputWriter.CreateAsync(_dir.File("out"), [parquet, jsonl]));

        Assert.Equal(jsonl, error.File);
        Assert.Contains("all Parquet or all JSON lines/text", error.Message);
    }

    [Fact]
    public void Drop_reasons_go_before_the_closing_brace_of_any_object()
    {
        Assert.Equal("{\"drop_reasons\":\"r\"}",
            Encoding.UTF8.GetString(IO.Writers.JsonlPassThroughSink.AppendDropReasons("{}"u8, "r")));
        Assert.Equal("{\"a\":1 ,\"drop_reasons\":\"\\\"q\\\"\"}  ",
            Encoding.UTF8.GetString(IO.Writers.JsonlPassThroughSink.AppendDropReasons("{\"a\":1 }  "u8, "\"q\"")));
    }
}
