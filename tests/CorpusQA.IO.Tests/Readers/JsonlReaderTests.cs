using System.Text;
using CorpusQA.IO.Tests.Support;

namespace CorpusQA.IO.Tests.Readers;

public sealed class JsonlReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Reads_text_and_id_with_row_numbers_counting_blank_lines()
    {
        string path = _dir.Write("a.jsonl",
            "{\"id\":\"x1\",\"text\":\"第一\"}\r\n\r\n{\"text\":\"第二\",\"id\":7}\n   \n{\"meta\":{\"a\":[1,2]},\"text\":\"三\\n行\"}");

        var documents = await Read.AllAsync(path);

        Assert.Equal(["x1", "7", "4"], documents.Select(d => d.Id));
        Assert.Equal(["第一", "第二", "三\n行"], documents.Select(d => d.Text));
        Assert.Equal([0L, 2L, 4L], documents.Select(d => d.RowIndex));
        Assert.All(documents, d => Assert.Equal(path, d.SourceFile));
        Assert.All(documents, d => Assert.Null(d.Original));
    }

    [Fact]
    public async Task Only_rows_are_parsed_and_reading_stops_after_the_last()
    {
        // Row 2 is not JSON and row 5 is past the last wanted row: neither is parsed, so neither is an error.
        string path = _dir.Write("a.jsonl",
            "{\"text\":\"零\"}\n{\"text\":\"一\"}\nnot json\n{\"text\":\"三\"}\n\n{broken\n");

        var documents = await Read.AllAsync(path, new ReaderOptions { OnlyRows = new HashSet<long> { 1, 3 } });

        Assert.Equal(["一", "三"], documents.Select(d => d.Text));
        Assert.Equal([1L, 3L], documents.Select(d => d.RowIndex));
        Assert.Empty(await Read.AllAsync(path, new ReaderOptions { OnlyRows = new HashSet<long>() }));
    }

    [Fact]
    public async Task Auto_detects_text_then_content_then_raw_content()
    {
        string path = _dir.Write("a.jsonl",
            "{\"raw_content\":\"r\",\"content\":\"c\"}\n{\"content\":\"c\",\"text\":\"t\"}\n{\"raw_content\":\"r\"}\n");

        var documents = await Read.AllAsync(path);

        Assert.Equal(["c", "t", "r"], documents.Select(d => d.Text));
    }

    [Fact]
    public async Task Explicit_fields_are_used_and_required()
    {
        string path = _dir.Write("a.jsonl", "{\"body\":\"b\",\"key\":\"k\",\"text\":\"t\"}\n{\"body\":\"b2\"}\n");
        var options = new ReaderOptions { TextField = "body", IdField = "key" };

        var error = await Read.FailureAsync(path, options);

        Assert.Equal($"{path}: row 1: no id field 'key'", error.Message);
        var (documents, _) = await Read.SkippingAsync([path], options);
        Assert.Equal("k", Assert.Single(documents).Id);
    }

    [Fact]
    public async Task Skips_a_byte_order_mark()
    {
        byte[] content = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("{\"text\":\"中\"}\n")];
        string path = _dir.Write("bom.jsonl", content);

        Assert.Equal("中", Assert.Single(await Read.AllAsync(path)).Text);
    }

    [Fact]
    public async Task Tiny_buffers_give_the_same_documents_and_keep_raw_lines()
    {
        var lines = Enumerable.Range(0, 300)
            .Select(i => $"{{\"id\":{i},\"text\":\"{new string('字', i % 37)}\\u4e2d{i}\",\"n\":[{i}]}}").ToList();
        string path = _dir.Write("many.jsonl", string.Join("\r\n", lines) + "\r\n");

        var big = await Read.AllAsync(path, new ReaderOptions { KeepOriginal = true });
        var tiny = await Read.AllAsync(path, new ReaderOptions { KeepOriginal = true, ReadBufferBytes = 16 });

        Assert.Equal(300, big.Count);
        Assert.Equal(big.Select(d => (d.Id, d.Text, d.RowIndex)), tiny.Select(d => (d.Id, d.Text, d.RowIndex)));
        Assert.Equal(lines, tiny.Select(d => Encoding.UTF8.GetString((byte[])d.Original!)));
        Assert.Equal(new string('字', 5) + "中5", big[5].Text);
    }

    [Theory]
    [InlineData("{\"text\":\"a\"}\n{\"text\":\"b\"\n", 1, "invalid JSON")]
    [InlineData("{\"text\":\"a\"}\n{\"id\":1}\n", 1, "no text field (looked for 'text', 'content', 'raw_content'")]
    [InlineData("{\"text\":\"a\"}\n\n{\"text\":null}\n", 2, "text field 'text' is null")]
    [InlineData("{\"text\":12}\n", 0, "text field 'text' is a JSON Number, not a string")]
    [InlineData("{\"text\":\"a\"}\n[1,2]\n", 1, "line is a JSON StartArray, not an object")]
    [InlineData("{\"text\":\"a\"} {\"text\":\"b\"}\n", 0, "invalid JSON")]
    [InlineData("{\"text\":\"\\ud800\"}\n", 0, "invalid JSON string")]
    public async Task Bad_lines_name_file_and_row(string content, long row, string reason)
    {
        string path = _dir.Write("bad.jsonl", content);

        var error = await Read.FailureAsync(path);

        Assert.Equal(path, error.File);
        Assert.Equal(row, error.Row);
        Assert.StartsWith($"{path}: row {row}: {reason}", error.Message);
    }

    [Fact]
    public async Task Invalid_json_names_file_row_and_byte_without_dotnets_position_text()
    {
        string path = _dir.Write("bad.jsonl", "{\"text\":\"a\"}\n{\"id\":\"b\", \"text\": bad}\n");

        var error = await Read.FailureAsync(path);

        Assert.Equal($"{path}: row 1: invalid JSON at byte 19 of the line: 'b' is an invalid start of a value.", error.Message);
    }

    [Fact]
    public async Task Invalid_utf8_is_detected_not_replaced()
    {
        byte[] content = [.. Encoding.UTF8.GetBytes("{\"text\":\"ok\"}\n{\"text\":\"a"), 0xE4, 0xB8, (byte)'"', (byte)'}', (byte)'\n'];
        string path = _dir.Write("utf8.jsonl", content);

        var error = await Read.FailureAsync(path);

        Assert.Equal($"{path}: row 1: invalid UTF-8 at byte 10 of the line", error.Message);
    }

    [Fact]
    public async Task SkipBad_reports_each_bad_line_and_reads_the_rest()
    {
        string path = _dir.Write("mixed.jsonl", "{\"text\":\"a\"}\nnot json\n{\"text\":null}\n{\"text\":\"d\"}\n");

        var (documents, bad) = await Read.SkippingAsync([path]);

        Assert.Equal(["a", "d"], documents.Select(d => d.Text));
        Assert.Equal([1L, 2L], bad.Select(b => b.Row!.Value));
        Assert.All(bad, b => Assert.Equal(path, b.File));
    }

    [Fact]
    public async Task A_json_array_file_is_one_clear_error_not_one_per_line()
    {
        string path = _dir.Write("array.json", "\n[\n  {\"text\": \"a\"},\n  {\"text\": \"b\"}\n]\n");

        var (documents, bad) = await Read.SkippingAsync([path]);

        Assert.Empty(documents);
        var report = Assert.Single(bad);
        Assert.Null(report.Row);
        Assert.Equal("this is a JSON array, not JSON lines (one object per line); convert it with: jq -c '.[]'", report.Reason);
    }

    [Fact]
    public async Task A_pretty_printed_json_file_is_one_clear_error()
    {
        string path = _dir.Write("pretty.json", "{\n  \"text\": \"a\"\n}\n");

        var error = await Read.FailureAsync(path);

        Assert.Equal($"{path}: this is pretty-printed JSON, not JSON lines (one object per line); convert it with: jq -c .", error.Message);
    }

    [Fact]
    public async Task Empty_file_has_no_documents()
    {
        Assert.Empty(await Read.AllAsync(_dir.Write("empty.jsonl", "")));
        Assert.Empty(await Read.AllAsync(_dir.Write("empty.json", "\n\n")));
    }

    [Fact]
    public async Task A_50_MB_document_is_refused_by_default_and_read_under_a_raised_limit()
    {
        const int chars = 50 * 1024 * 1024 / 3 + 10; // just over 50 MB of 3-byte characters
        string text = new('汉', chars);
        string path = _dir.Write("big.jsonl", "{\"text\":\"short\"}\n{\"text\":\"" + text + "\"}\n");

        var error = await Read.FailureAsync(path);
        Assert.Equal($"{path}: row 1: text is 50.0 MB, over the 16 MB limit (--max-doc-mb)", error.Message);

        var documents = await Read.AllAsync(path, new ReaderOptions { MaxDocumentBytes = 64L * 1024 * 1024 });
        Assert.Equal(chars, documents[1].Text.Length);
    }

    [Fact]
    public async Task A_line_far_over_the_limit_is_skipped_without_buffering_it()
    {
        string path = _dir.Write("long.jsonl",
            "{\"text\":\"" + new string('a', 3 * 1024 * 1024) + "\"}\n{\"text\":\"after\"}\n");
        var bad = new List<BadRecord>();

        var documents = await Read.AllAsync(path, new ReaderOptions
        {
            MaxDocumentBytes = 100, SkipBad = true, OnBadRecord = bad.Add, ReadBufferBytes = 4096,
        });

        Assert.Equal("after", Assert.Single(documents).Text);
        Assert.Equal(1L, documents[0].RowIndex);
        Assert.Equal(0L, Assert.Single(bad).Row);
        Assert.Contains("skipped without parsing", bad[0].Reason);
    }
}
