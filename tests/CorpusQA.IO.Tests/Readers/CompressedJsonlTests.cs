using System.IO.Compression;
using System.Text;
using CorpusQA.IO.Tests.Support;

namespace CorpusQA.IO.Tests.Readers;

public sealed class CompressedJsonlTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static byte[] Lines(int count) => Encoding.UTF8.GetBytes(string.Concat(
        Enumerable.Range(0, count).Select(i => $"{{\"id\":\"d{i}\",\"text\":\"第{i}行 {new string((char)('a' + i % 26), 40)} {i * 7919 % 1000}\"}}\n")));

    private static byte[] Gzip(byte[] data)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest)) gzip.Write(data);
        return output.ToArray();
    }

    private static byte[] Zstd(byte[] data) => new ZstdSharp.Compressor(3).Wrap(data).ToArray();

    [Fact]
    public async Task Reads_gzip_and_zstd_like_the_plain_file()
    {
        byte[] plain = Lines(2000);
        var expected = await Read.AllAsync(_dir.Write("a.jsonl", plain));

        var gz = await Read.AllAsync(_dir.Write("a.jsonl.gz", Gzip(plain)), new ReaderOptions { ReadBufferBytes = 100 });
        var zst = await Read.AllAsync(_dir.Write("a.jsonl.zst", Zstd(plain)));

        Assert.Equal(2000, expected.Count);
        Assert.Equal(expected.Select(d => (d.Id, d.Text, d.RowIndex)), gz.Select(d => (d.Id, d.Text, d.RowIndex)));
        Assert.Equal(expected.Select(d => (d.Id, d.Text, d.RowIndex)), zst.Select(d => (d.Id, d.Text, d.RowIndex)));
    }

    [Theory]
    [InlineData("gz", 8)] // trailer gone: every line decodes, the missing trailer still makes it an error
    [InlineData("gz", 2)]
    [InlineData("zst", 2)]
    public async Task A_truncated_stream_is_an_error_naming_the_last_good_row(string codec, int fraction)
    {
        byte[] compressed = codec == "gz" ? Gzip(Lines(20_000)) : Zstd(Lines(20_000));
        int keep = fraction == 8 ? compressed.Length - 8 : compressed.Length / fraction;
        string path = _dir.Write("cut.jsonl." + codec, compressed[..keep]);

        var (documents, bad) = await Read.SkippingAsync([path]);

        // Whatever was decoded before the cut is kept; then exactly one file-level report.
        BadRecord fileError = bad[^1];
        Assert.Equal(path, fileError.File);
        Assert.Null(fileError.Row);
        Assert.Contains("truncated or corrupt", fileError.Reason);
        Assert.EndsWith($"the last complete row is {documents[^1].RowIndex}", fileError.Reason);
        Assert.Single(bad);
        if (fraction == 8) Assert.Equal(20_000, documents.Count);
        else Assert.InRange(documents.Count, 1, 19_999);

        var error = await Read.FailureAsync(path);
        Assert.StartsWith(path + ": ", error.Message);
    }

    [Fact]
    public async Task Zero_byte_compressed_files_have_no_documents()
    {
        Assert.Empty(await Read.AllAsync(_dir.Write("e.jsonl.gz", [])));
        Assert.Empty(await Read.AllAsync(_dir.Write("e.jsonl.zst", [])));
    }

    [Fact]
    public async Task Corrupt_gzip_is_an_error_naming_the_file()
    {
        byte[] garbage = new byte[5000];
        new Random(7).NextBytes(garbage);
        garbage[0] = 0x1F;
        garbage[1] = 0x8B;
        string path = _dir.Write("garbage.jsonl.gz", garbage);

        var error = await Read.FailureAsync(path);

        Assert.StartsWith(path + ": ", error.Message);
        Assert.Contains("gzip", error.Message);
    }
}
