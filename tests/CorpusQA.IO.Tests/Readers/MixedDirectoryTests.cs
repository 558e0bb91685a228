using System.Text;
using CorpusQA.IO.Tests.Support;

namespace CorpusQA.IO.Tests.Readers;

public sealed class MixedDirectoryTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task SkipBad_reads_every_good_row_and_reports_every_bad_one_with_file_and_row()
    {
        string jsonl = _dir.Write("in/1-lines.jsonl", "{\"text\":\"j0\"}\n{\"text\":5}\n{\"text\":\"j2\"}\n");
        string parquet = await ParquetFiles.WriteDocumentsAsync(_dir.File("in/2-table.parquet"), "text", ["p0", null, "p2"], 2);
        string corrupt = _dir.Write("in/3-corrupt.parquet", Encoding.UTF8.GetBytes("PAR1 not really"));
        string badText = _dir.Write("in/4-bad.txt", [0xC3, 0x28]);
        string goodText = _dir.Write("in/5-good.txt", "t0");
        string noText = _dir.Write("in/6-notext.jsonl", "{\"body\":\"x\"}\n");

        var files = InputResolver.Resolve([_dir.File("in")]);
        var (documents, bad) = await Read.SkippingAsync(files);

        Assert.Equal(["j0", "j2", "p0", "p2", "t0"], documents.Select(d => d.Text));
        Assert.Equal(
            [(jsonl, (long?)1), (parquet, 1), (corrupt, null), (badText, 0), (noText, 0)],
            bad.Select(b => (b.File, b.Row)));
        Assert.All(bad, b => Assert.False(string.IsNullOrWhiteSpace(b.Reason)));
        Assert.Equal($"{corrupt}: {bad[2].Reason}", bad[2].ToString());
    }
}
