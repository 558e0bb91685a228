using System.Buffers.Binary;
using System.IO.Compression;

namespace CorpusQA.IO.Readers;

/// <summary>Opens a JSON-lines file, decompressing by extension (.gz, .zst), and checks completeness at the end.</summary>
internal sealed class CompressedInput : IAsyncDisposable
{
    private const int FileBufferBytes = 64 * 1024;
    private readonly FileStream _file;
    private readonly uint? _gzipTrailerSize;

    private CompressedInput(FileStream file, Stream stream, string? codec, uint? gzipTrailerSize)
    {
        _file = file;
        Stream = stream;
        Codec = codec;
        _gzipTrailerSize = gzipTrailerSize;
    }

    /// <summary>The decompressed bytes.</summary>
    public Stream Stream { get; }

    /// <summary>"gzip", "zstd" or null for an uncompressed file.</summary>
    public string? Codec { get; }

    public static CompressedInput Open(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileBufferBytes,
            FileOptions.Asynchronous | FileOptions.SequentialScan);
        try
        {
            if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                uint? trailer = file.Length == 0 ? null : ReadGzipTrailerSize(file);
                return new CompressedInput(file, new GZipStream(file, CompressionMode.Decompress), "gzip", trailer);
            }
            if (path.EndsWith(".zst", StringComparison.OrdinalIgnoreCase))
                return new CompressedInput(file, new ZstdSharp.DecompressionStream(file), "zstd", null);
            return new CompressedInput(file, file, null, null);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>
    /// .NET's GZipStream ends quietly on a truncated file, so the decompressed length is checked against the gzip
    /// trailer's ISIZE (length mod 2^32 of the last member). Returns a reason when they disagree.
    /// </summary>
    public string? CheckComplete(long decompressedBytes) =>
        _gzipTrailerSize is { } expected && (uint)decompressedBytes != expected
            ? "gzip stream is truncated or corrupt (decompressed size does not match the gzip trailer; " +
              "a multi-member gzip must be recompressed as one member)"
            : null;

    private static uint ReadGzipTrailerSize(FileStream file)
    {
        if (file.Length < 18) return uint.MaxValue; // shorter than an empty gzip member: cannot match
        Span<byte> trailer = stackalloc byte[4];
        file.Seek(-4, SeekOrigin.End);
        file.ReadExactly(trailer);
        file.Seek(0, SeekOrigin.Begin);
        return BinaryPrimitives.ReadUInt32LittleEndian(trailer);
    }

    public async ValueTask DisposeAsync()
    {
        if (!ReferenceEquals(Stream, _file)) await Stream.DisposeAsync().ConfigureAwait(false);
        await _file.DisposeAsync().ConfigureAwait(false);
    }
}
