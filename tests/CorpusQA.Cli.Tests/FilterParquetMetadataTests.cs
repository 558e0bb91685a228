using System.Text.Json;
using DuckDB.NET.Data;

namespace CorpusQA.Cli.Tests;

/// <summary>
/// filter keeps a Parquet input's key-value metadata (the <c>huggingface</c> entry that <c>datasets</c> writes) and its
/// column order and types on kept.parquet / removed.parquet. DuckDB writes the input and reads the outputs.
/// </summary>
public class FilterParquetMetadataTests
{
    private const string HuggingFace = """{"info":{"features":{"id":{"dtype":"string","_type":"Value"},"text":{"dtype":"string","_type":"Value"},"year":{"dtype":"int32","_type":"Value"},"score":{"dtype":"float64","_type":"Value"},"tags":{"feature":{"dtype":"string","_type":"Value"},"_type":"Sequence"}}}}""";

    [Fact]
    public async Task KeptAndRemovedCarryTheInputsKeyValueMetadataColumnOrderAndTypes()
    {
        using var tmp = new TempDir();
        string input = tmp.File("train.parquet");
        using (var connection = Open())
        {
            string texts = string.Join(" UNION ALL ", File.ReadLines(CliRunner.Seeds).Select((line, i) =>
                $"SELECT 'doc-{i}' AS id, '{JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!.Replace("'", "''")}' AS text, " +
                $"{2000 + i}::INTEGER AS year, {i}.5::DOUBLE AS score, ['a', 'b{i}'] AS tags"));
            Execute(connection, $"COPY ({texts} UNION ALL SELECT 'tiny', 'x', 1999::INTEGER, 0.0::DOUBLE, []::VARCHAR[]) TO '{input}' " +
                $"(FORMAT PARQUET, KV_METADATA {{huggingface: '{HuggingFace}', origin: 'crawl-2024'}})");
        }

        var run = await CliRunner.RunAsync("filter", input, "--out", tmp.File("out"), "--no-dedup");

        Assert.Equal(0, run.ExitCode);
        using var db = Open();
        foreach (string output in new[] { "kept", "removed" })
        {
            string path = tmp.File($"out/{output}.parquet");
            var metadata = Metadata(db, path);
            Assert.Equal("crawl-2024", metadata["origin"]);
            using var features = JsonDocument.Parse(metadata["huggingface"]);
            var names = features.RootElement.GetProperty("info").GetProperty("features").EnumerateObject().Select(p => p.Name).ToArray();
            Assert.Equal(output == "kept" ? ["id", "text", "year", "score", "tags"] : ["id", "text", "year", "score", "tags", "drop_reasons"], names);
            Assert.Equal(output == "kept" ? Columns(db, input) : [.. Columns(db, input), ("drop_reasons", "VARCHAR")], Columns(db, path));
        }

        Assert.Equal(File.ReadLines(CliRunner.Seeds).Count() + 1, Rows(db, tmp.File("out/kept.parquet")) + Rows(db, tmp.File("out/removed.parquet")));
        Assert.Equal(1, Rows(db, tmp.File("out/removed.parquet"), "id = 'tiny'"));
    }

    private static DuckDBConnection Open()
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        return connection;
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static Dictionary<string, string> Metadata(DuckDBConnection connection, string path)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT decode(key), decode(value) FROM parquet_kv_metadata('{path}')";
        using var reader = command.ExecuteReader();
        var metadata = new Dictionary<string, string>();
        while (reader.Read()) metadata[reader.GetString(0)] = reader.GetString(1);
        return metadata;
    }

    private static List<(string Name, string Type)> Columns(DuckDBConnection connection, string path)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"DESCRIBE SELECT * FROM read_parquet('{path}')";
        using var reader = command.ExecuteReader();
        var columns = new List<(string, string)>();
        while (reader.Read()) columns.Add((reader.GetString(0), reader.GetString(1)));
        return columns;
    }

    private static long Rows(DuckDBConnection connection, string path, string where = "true")
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM read_parquet('{path}') WHERE {where}";
        return Convert.ToInt64(command.ExecuteScalar());
    }
}
