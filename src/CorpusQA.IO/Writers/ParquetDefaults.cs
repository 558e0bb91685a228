using Parquet;

namespace CorpusQA.IO.Writers;

internal static class ParquetDefaults
{
    /// <summary>
    /// Snappy: fast and read by every Parquet implementation. Parquet.Net 6's own default (Zstd at SmallestSize) is
    /// several times slower to write.
    /// </summary>
    public static ParquetOptions WriterOptions() => new() { CompressionMethod = CompressionMethod.Snappy };
}
