using CorpusQA.Core.Documents;
using CorpusQA.IO.Tests.Support;

namespace CorpusQA.IO.Tests.Writers;

/// <summary>Files written by another Parquet implementation (DuckDB: dictionary pages, zstd, its own nesting).</summary>
public sealed class DuckDbInteropTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string WriteWithDuckDb(string name, int rows)
    {
        string path = _dir.File(name);
        DuckDb.Query($$"""
            COPY (
              SELECT 'doc-' || i AS id,
                     CASE WHEN i % 2 = 0 THEN '中文段落' ELSE 'repeated' END || i AS text,
                     i::BIGINT AS n,
                     CASE WHEN i % 4 = 0 THEN NULL ELSE i / 3.0 END AS score,
                     {'url': 'https://x/' || i, 'tags': CASE WHEN i % 3 = 0 THEN NULL ELSE ['a', 'b' || i] END} AS meta,
                     [i, i + 1] AS nums
              FROM range({{rows}}) t(i)
            ) TO '{{path}}' (FORMAT parquet, ROW_GROUP_SIZE 4, COMPRESSION zstd)
            """);
        return path;
    }

    [Fact]
    public async Task Reads_and_passes_through_a_duckdb_written_file()
    {
        string input = WriteWithDuckDb("duck.parquet", 23);

        var documents = await Read.AllAsync(input, new ReaderOptions { KeepOriginal = true });
        Assert.Equal(23, documents.Count);
        Assert.Equal("doc-5", documents[5].Id);
        Assert.Equal("repeated5", documents[5].Text);
        Assert.Equal("中文段落6", documents[6].Text);

        string output = _dir.File("out");
        await using (var writer = await FilterOutputWriter.CreateAsync(output, [input], new FilterOutputOptions { RowGroupRows = 5 }))
        {
            foreach (Document document in documents)
                await writer.WriteAsync(document, document.RowIndex % 2 == 0, ["odd_row"]);
            await writer.CompleteAsync();
        }

        string kept = $"read_parquet('{output}/kept.parquet')";
        string removed = $"read_parquet('{output}/removed.parquet')";
        Assert.Equal(DuckDb.Describe(input), DuckDb.Describe($"{output}/kept.parquet"));
        Assert.Empty(DuckDb.Query($"SELECT * FROM read_parquet('{input}') WHERE n % 2 = 0 EXCEPT ALL SELECT * FROM {kept}"));
        Assert.Empty(DuckDb.Query($"SELECT * FROM {kept} EXCEPT ALL SELECT * FROM read_parquet('{input}') WHERE n % 2 = 0"));
        Assert.Empty(DuckDb.Query(
            $"SELECT * FROM read_parquet('{input}') WHERE n % 2 = 1 EXCEPT ALL SELECT * EXCLUDE (drop_reasons) FROM {removed}"));
        Assert.Equal(11L, DuckDb.Query($"SELECT count(*) FROM {removed}")[0][0]);
    }
}
