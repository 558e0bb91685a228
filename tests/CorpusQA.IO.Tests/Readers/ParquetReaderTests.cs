using CorpusQA.IO.Readers;
using CorpusQA.IO.Tests.Support;
using Parquet;
using Parquet.Schema;

namespace CorpusQA.IO.Tests.Readers;

public sealed class ParquetReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static List<string?> Texts(int count) => Enumerable.Range(0, count).Select(i => (string?)$"文档{i} text").ToList();

    [Fact]
    public async Task Streams_row_groups_in_order_with_integer_ids()
    {
        string path = await ParquetFiles.WriteDocumentsAsync(_dir.File("a.parquet"), "text", Texts(25), rowGroupRows: 7);

        var documents = await Read.AllAsync(path);

        Assert.Equal(25, documents.Count);
        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"文档{i} text"), documents.Select(d => d.Text));
        Assert.Equal(Enumerable.Range(0, 25).Select(i => (1000 + i).ToString()), documents.Select(d => d.Id));
        Assert.Equal(Enumerable.Range(0, 25).Select(i => (long)i), documents.Select(d => d.RowIndex));
    }

    [Fact]
    public async Task Original_is_shared_per_row_group_only_when_asked()
    {
        string path = await ParquetFiles.WriteDocumentsAsync(_dir.File("a.parquet"), "content", Texts(10), rowGroupRows: 4);

        var plain = await Read.AllAsync(path);
        var kept = await Read.AllAsync(path, new ReaderOptions { KeepOriginal = true });

        Assert.All(plain, d => Assert.Null(d.Original));
        var originals = kept.Select(d => Assert.IsType<ParquetOriginal>(d.Original)).ToList();
        Assert.Same(originals[0].Group, originals[3].Group);
        Assert.NotSame(originals[3].Group, originals[4].Group);
        Assert.Equal([0, 1, 2, 3, 0, 1, 2, 3, 0, 1], originals.Select(o => o.Row));
        Assert.Equal(3, originals[0].Group.Columns.Length);
    }

    [Fact]
    public async Task Null_text_is_a_bad_row_counted_across_row_groups()
    {
        var texts = Texts(10);
        texts[6] = null;
        string path = await ParquetFiles.WriteDocumentsAsync(_dir.File("n.parquet"), "text", texts, rowGroupRows: 4);

        var error = await Read.FailureAsync(path);
        var (documents, bad) = await Read.SkippingAsync([path]);

        Assert.Equal($"{path}: row 6: text column 'text' is null", error.Message);
        Assert.Equal(9, documents.Count);
        Assert.Equal(6L, Assert.Single(bad).Row);
    }

    [Fact]
    public async Task Missing_text_column_names_the_file_and_its_columns()
    {
        string path = await ParquetFiles.WriteDocumentsAsync(_dir.File("m.parquet"), "body", Texts(3), rowGroupRows: 3);

        var error = await Read.FailureAsync(path);

        Assert.Null(error.Row);
        Assert.Equal($"{path}: no text column (looked for 'text', 'content', 'raw_content'; set --text-field); " +
            "the file has columns: id (Int64), body (string), score (Double)", error.Message);
        Assert.Equal(3, (await Read.AllAsync(path, new ReaderOptions { TextField = "body" })).Count);
    }

    [Fact]
    public async Task A_non_string_text_column_is_refused()
    {
        string path = await ParquetFiles.WriteDocumentsAsync(_dir.File("t.parquet"), "text", Texts(3), rowGroupRows: 3);

        var error = await Read.FailureAsync(path, new ReaderOptions { TextField = "score" });

        Assert.Equal($"{path}: text column 'score' has type Double, not string", error.Message);
    }

    [Fact]
    public async Task Corrupt_truncated_and_empty_files_are_errors_naming_the_file()
    {
        string good = await ParquetFiles.WriteDocumentsAsync(_dir.File("good.parquet"), "text", Texts(50), rowGroupRows: 10);
        byte[] bytes = await File.ReadAllBytesAsync(good);
        byte[] random = new byte[4096];
        new Random(3).NextBytes(random);

        foreach (var (name, content) in new[] { ("random.parquet", random), ("cut.parquet", bytes[..(bytes.Length / 2)]), ("empty.parquet", Array.Empty<byte>()) })
        {
            string path = _dir.Write(name, content);
            var error = await Read.FailureAsync(path);
            Assert.StartsWith($"{path}: not a valid Parquet file", error.Message);
            Assert.Null(error.Row);
        }
    }

    [Fact]
    public async Task Corrupt_column_data_names_the_rows_of_the_group()
    {
        string path = await ParquetFiles.WriteDocumentsAsync(_dir.File("c.parquet"), "text", Texts(40), rowGroupRows: 20);
        byte[] bytes = await File.ReadAllBytesAsync(path);
        // Overwrite the data pages (everything between the magic and the footer) with garbage.
        await using (var reader = await ParquetReader.CreateAsync(path))
        {
            long start = reader.Metadata!.RowGroups[1].Columns[0].MetaData!.DataPageOffset;
            for (long i = start; i < start + 40; i++) bytes[i] ^= 0x5A;
        }
        string broken = _dir.Write("broken.parquet", bytes);

        var (documents, bad) = await Read.SkippingAsync([broken]);

        Assert.Equal(20, documents.Count);
        var report = Assert.Single(bad);
        Assert.Equal(20L, report.Row);
        Assert.StartsWith("corrupt Parquet data in rows 20..39", report.Reason);
    }

    [Fact]
    public async Task String_ids_and_nested_columns_are_read()
    {
        var id = new DataField<string>("id");
        var text = new DataField<string>("text");
        var tags = new ListField("tags", new DataField<string>("element"));
        string path = _dir.File("nested.parquet");
        await using (var stream = File.Create(path))
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(id, text, tags), stream))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(id, ["a", "b"], null);
            await group.WriteAsync(text, ["甲", "乙"], null);
            var element = (DataField)tags.Item;
            await group.WriteAllPartsAsync<ReadOnlyMemory<char>>(element, new[] { "x".AsMemory() }, new[] { 3, 1 }, new[] { 0, 0 }, default);
            group.CompleteValidate();
        }

        var documents = await Read.AllAsync(path, new ReaderOptions { KeepOriginal = true });

        Assert.Equal(["a", "b"], documents.Select(d => d.Id));
        Assert.Equal(["甲", "乙"], documents.Select(d => d.Text));
    }
}
