using DuckDB.NET.Data;

namespace CorpusQA.Cli.Tests;

/// <summary>Reads outputs back with DuckDB, an independent Parquet implementation.</summary>
internal static class DuckDbQuery
{
    /// <summary>Every row of <paramref name="sql"/> as column name → value (null for SQL NULL).</summary>
    public static List<Dictionary<string, object?>> Rows(string sql)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<Dictionary<string, object?>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, object?>();
            for (int i = 0; i < reader.FieldCount; i++) row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>A path inside a SQL string literal.</summary>
    public static string Literal(string path) => path.Replace("'", "''");
}
