using CorpusQA.Core.Documents;
using CorpusQA.IO.Tests.Support;

namespace CorpusQA.IO.Tests.Writers;

public sealed class JsonToParquetTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private async Task<(string Kept, string Removed)> FilterAsync(string input, int sampleRows, Func<Document, bool> keep)
    {
        await using var writer = await FilterOutputWriter.CreateAsync(_dir.File("out"), [input],
            new FilterOutputOptions { Format = FilterOutputFormat.Parquet, RowGroupRows = sampleRows });
        await foreach (Document document in DocumentReaders.ReadAllAsync([input], new ReaderOptions { KeepOriginal = true }))
            await writer.WriteAsync(document, keep(document), ["short"]);
        return await writer.CompleteAsync();
    }

    [Fact]
    public async Task Json_fields_become_typed_columns_shared_by_kept_and_removed()
    {
        string input = _dir.Write("in.jsonl", string.Join("\n",
            "{\"id\":1,\"text\":\"甲\",\"score\":1,\"ok\":true,\"meta\":{\"u\":\"x\"},\"tags\":[1,\"a\"]}",
            "{\"id\":2,\"text\":\"乙\",\"score\":2.5,\"ok\":null,\"meta\":null}",
            "{\"text\":\"丙\",\"id\":3,\"score\":-3,\"ok\":false,\"tags\":[]}",
            "{\"id\":4,\"text\":\"丁\"}"));

        var (kept, removed) = await FilterAsync(input, sampleRows: 100, d => d.RowIndex != 1);

        var schema = new[] { ("id", "BIGINT"), ("text", "VARCHAR"), ("score", "DOUBLE"), ("ok", "BOOLEAN"), ("meta", "VARCHAR"), ("tags", "VARCHAR") };
        Assert.Equal(schema, DuckDb.Describe(kept));
        Assert.Equal([.. schema, ("drop_reasons", "VARCHAR")], DuckDb.Describe(removed));
        var rows = DuckDb.Query($"SELECT * FROM read_parquet('{kept}')");
        Assert.Equal([1L, "甲", 1.0, true, "{\"u\":\"x\"}", "[1,\"a\"]"], rows[0]);
        Assert.Equal([3L, "丙", -3.0, false, null, "[]"], rows[1]);
        Assert.Equal([4L, "丁", null, null, null, null], rows[2]);
        Assert.Equal([2L, "乙", 2.5, null, null, null, "short"], Assert.Single(DuckDb.Query($"SELECT * FROM read_parquet('{removed}')")));
    }

    [Fact]
    public async Task A_field_first_seen_after_the_sample_is_an_error_naming_file_and_row()
    {
        string input = _dir.Write("late.jsonl", "{\"text\":\"a\"}\n{\"text\":\"b\"}\n{\"text\":\"c\",\"lang\":\"zh\"}\n");

        var error = await Assert.ThrowsAsync<CorpusInputException>(() => FilterAsync(input, sampleRows: 2, _ => true));

        Assert.StartsWith($"{input}: row 2: field 'lang' does not occur in the first rows", error.Message);
    }

    [Fact]
    public async Task A_value_the_inferred_column_cannot_hold_is_an_error()
    {
        string input = _dir.Write("types.jsonl", "{\"text\":\"a\",\"n\":1}\n{\"text\":\"b\",\"n\":\"two\"}\n");

        var error = await Assert.ThrowsAsync<CorpusInputException>(() => FilterAsync(input, sampleRows: 1, _ => true));

        Assert.StartsWith($"{input}: row 1: field 'n' is a JSON String, but its Parquet column", error.Message);
    }

    [Fact]
    public async Task Text_files_become_id_and_text_columns()
    {
        string input = _dir.Write("文.txt", "内容");

        var (kept, _) = await FilterAsync(input, sampleRows: 10, _ => true);

        Assert.Equal(["文", "内容"], Assert.Single(DuckDb.Query($"SELECT id, text FROM read_parquet('{kept}')")));
    }
}
