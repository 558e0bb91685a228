using System.Text.Json;
using CorpusQA.IO.Tests.Support;

namespace CorpusQA.IO.Tests.Writers;

public sealed class JsonlWriterTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private sealed record ErrorLine(string File, long? Row, string Reason);

    [Fact]
    public async Task Writes_one_value_per_line_with_readable_chinese()
    {
        string path = _dir.File("errors.jsonl");
        await using (var writer = JsonlWriter.Create(path))
        {
            writer.Write(new ErrorLine("a.jsonl", 3, "文本为空"));
            writer.Write(json =>
            {
                json.WriteStartObject();
                json.WriteNumber("n", 1);
                json.WriteEndObject();
            });
            Assert.False(File.Exists(path));
            Assert.Equal(2, writer.Count);
            await writer.CompleteAsync();
        }

        string[] lines = (await File.ReadAllTextAsync(path)).Split('\n');
        Assert.Equal(["{\"file\":\"a.jsonl\",\"row\":3,\"reason\":\"文本为空\"}", "{\"n\":1}", ""], lines);
        Assert.Equal(3, JsonDocument.Parse(lines[0]).RootElement.GetProperty("row").GetInt64());
    }

    [Fact]
    public async Task A_failure_while_writing_leaves_no_file_behind()
    {
        string path = _dir.File("kept.jsonl");

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var writer = JsonlWriter.Create(path);
            writer.Write(new ErrorLine("a", null, "ok"));
            throw new InvalidOperationException("the run failed");
        });

        Assert.Empty(Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public async Task Cancellation_before_completion_leaves_no_table_behind()
    {
        string path = _dir.File("signals.parquet");
        using var cancel = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await using var table = await ParquetTableWriter.CreateAsync(path, [new("id", TableColumnType.String)],
                new ParquetTableWriterOptions { RowGroupRows = 2 });
            for (int i = 0; i < 10; i++)
            {
                table.SetString(0, i.ToString());
                if (i == 5) cancel.Cancel();
                await table.EndRowAsync(cancel.Token);
            }
            await table.CompleteAsync(cancel.Token);
        });

        Assert.Empty(Directory.GetFiles(_dir.Path));
    }
}
