using DuckDB.NET.Data;

namespace CorpusQA.IO.Tests.Support;

/// <summary>Reads Parquet files with DuckDB, an independent implementation, to check what we write.</summary>
internal static class DuckDb
{
    public static List<(string Name, string Type)> Describe(string parquet) =>
        Query($"DESCRIBE SELECT * FROM read_parquet('{parquet}')").Select(r => ((string)r[0]!, (string)r[1]!)).ToList();

    public static List<object?[]> Query(string sql)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }
}
