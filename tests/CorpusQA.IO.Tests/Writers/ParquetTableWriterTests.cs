using CorpusQA.IO.Tests.Support;

namespace CorpusQA.IO.Tests.Writers;

public sealed class ParquetTableWriterTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static readonly TableColumn[] Columns =
    [
        new("id", TableColumnType.String),
        new("chars", TableColumnType.Int32),
        new("offset", TableColumnType.Int64),
        new("ratio", TableColumnType.Double),
        new("score", TableColumnType.Float),
        new("is_dup", TableColumnType.Bool),
    ];

    private static async Task WriteRowsAsync(ParquetTableWriter table, int rows)
    {
        for (int i = 0; i < rows; i++)
        {
            table.SetString(0, i % 5 == 4 ? null : $"文{i}");
            table.SetInt32(1, i);
            if (i % 3 != 0) table.SetInt64(2, 10_000_000_000L + i); // every third row left null
            table.SetDouble(3, i / 4.0);
            table.SetFloat(4, i % 2 == 0 ? 0.5f : null);
            table.SetBool(5, i % 2 == 1);
            await table.EndRowAsync();
        }
    }

    [Fact]
    public async Task DuckDB_reads_back_names_types_values_and_nulls_across_row_groups()
    {
        string path = _dir.File("signals.parquet");
        await using (var table = await ParquetTableWriter.CreateAsync(path, Columns, new ParquetTableWriterOptions { RowGroupRows = 7 }))
        {
            await WriteRowsAsync(table, 30);
            Assert.Equal(path, await table.CompleteAsync());
        }

        Assert.Equal(
            [("id", "VARCHAR"), ("chars", "INTEGER"), ("offset", "BIGINT"), ("ratio", "DOUBLE"), ("score", "FLOAT"), ("is_dup", "BOOLEAN")],
            DuckDb.Describe(path));
        var rows = DuckDb.Query($"SELECT * FROM read_parquet('{path}')");
        Assert.Equal(30, rows.Count);
        for (int i = 0; i < 30; i++)
        {
            object?[] row = rows[i];
            Assert.Equal(i % 5 == 4 ? null : $"文{i}", row[0]);
            Assert.Equal(i, row[1]);
            Assert.Equal(i % 3 != 0 ? 10_000_000_000L + i : null, row[2]);
            Assert.Equal(i / 4.0, row[3]);
            Assert.Equal(i % 2 == 0 ? 0.5f : null, row[4]);
            Assert.Equal(i % 2 == 1, row[5]);
        }
        Assert.Equal(5L, DuckDb.Query($"SELECT count(*) FROM parquet_metadata('{path}') WHERE column_id = 0")[0][0]);
    }

    [Fact]
    public async Task Nothing_appears_under_the_final_name_before_completion()
    {
        string path = _dir.File("out/signals.parquet");
        await using var table = await ParquetTableWriter.CreateAsync(path, Columns, new ParquetTableWriterOptions { RowGroupRows = 4 });
        await WriteRowsAsync(table, 10);

        Assert.False(File.Exists(path));
        string temp = Assert.Single(Directory.GetFiles(_dir.File("out")));
        Assert.StartsWith(".signals.parquet.tmp-", Path.GetFileName(temp));

        await table.CompleteAsync();
        Assert.Equal([path], Directory.GetFiles(_dir.File("out")));
    }

    [Fact]
    public async Task Abandoning_deletes_the_temp_file_and_leaves_an_existing_output_alone()
    {
        string path = _dir.Write("signals.parquet", "previous run");
        await using (var table = await ParquetTableWriter.CreateAsync(path, Columns))
        {
            await WriteRowsAsync(table, 3);
        } // disposed without CompleteAsync: e.g. an exception or cancellation

        Assert.Equal([path], Directory.GetFiles(_dir.Path));
        Assert.Equal("previous run", File.ReadAllText(path));
    }

    [Fact]
    public async Task A_partial_table_is_a_valid_file_under_a_partial_name()
    {
        string path = _dir.File("signals.parquet");
        string partial;
        await using (var table = await ParquetTableWriter.CreateAsync(path, Columns, new ParquetTableWriterOptions { RowGroupRows = 4 }))
        {
            await WriteRowsAsync(table, 9);
            partial = await table.CompletePartialAsync();
        }

        Assert.Equal(_dir.File("signals.partial.parquet"), partial);
        Assert.False(File.Exists(path));
        Assert.Equal(9L, DuckDb.Query($"SELECT count(*) FROM read_parquet('{partial}')")[0][0]);
    }

    [Fact]
    public async Task An_empty_table_still_has_its_schema()
    {
        string path = _dir.File("duplicates.parquet");
        await using (var table = await ParquetTableWriter.CreateAsync(path, Columns))
            await table.CompleteAsync();

        Assert.Equal(6, DuckDb.Describe(path).Count);
        Assert.Equal(0L, DuckDb.Query($"SELECT count(*) FROM read_parquet('{path}')")[0][0]);
    }

    [Fact]
    public async Task Setting_a_column_with_the_wrong_type_is_refused()
    {
        await using var table = await ParquetTableWriter.CreateAsync(_dir.File("x.parquet"), Columns);

        var error = Assert.Throws<InvalidOperationException>(() => table.SetDouble(1, 1.0));
        Assert.Equal("column 'chars' is Int32; set it with SetInt32", error.Message);
        Assert.Equal(3, table.ColumnIndex("ratio"));
    }
}
