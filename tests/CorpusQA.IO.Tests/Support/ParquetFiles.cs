using Parquet;
using Parquet.Schema;

namespace CorpusQA.IO.Tests.Support;

/// <summary>Writes small Parquet files with Parquet.Net for reader tests.</summary>
internal static class ParquetFiles
{
    /// <summary>Writes (id int64, text string?, score double) in row groups of the given sizes.</summary>
    public static async Task<string> WriteDocumentsAsync(string path, string textColumn, IReadOnlyList<string?> texts, int rowGroupRows)
    {
        var id = new DataField<long>("id");
        var text = new DataField<string>(textColumn, nullable: true);
        var score = new DataField<double>("score");
        var schema = new ParquetSchema(id, text, score);
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy });
        for (int start = 0; start < texts.Count; start += rowGroupRows)
        {
            int count = Math.Min(rowGroupRows, texts.Count - start);
            using ParquetRowGroupWriter group = writer.CreateRowGroup();
            await group.WriteAsync<long>(id, Enumerable.Range(start, count).Select(i => 1000L + i).ToArray().AsMemory(), null, null, default);
            await group.WriteAsync(text, texts.Skip(start).Take(count).ToArray()!, null);
            await group.WriteAsync<double>(score, Enumerable.Range(start, count).Select(i => i / 2.0).ToArray().AsMemory(), null, null, default);
            group.CompleteValidate();
        }
        return path;
    }
}
