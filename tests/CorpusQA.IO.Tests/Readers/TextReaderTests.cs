using System.Text;
using CorpusQA.IO.Tests.Support;

namespace CorpusQA.IO.Tests.Readers;

public sealed class TextReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_text_file_is_one_document_named_after_the_file()
    {
        string path = _dir.Write("文章-1.txt", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("第一段\n\n第二段\r\n")]);

        var document = Assert.Single(await Read.AllAsync(path));

        Assert.Equal("文章-1", document.Id);
        Assert.Equal("第一段\n\n第二段\r\n", document.Text);
        Assert.Equal(0L, document.RowIndex);
    }

    [Fact]
    public async Task An_empty_file_is_a_document_with_empty_text()
    {
        var document = Assert.Single(await Read.AllAsync(_dir.Write("empty.txt", "")));

        Assert.Equal("", document.Text);
    }

    [Fact]
    public async Task Invalid_utf8_names_the_byte_offset()
    {
        byte[] content = [.. Encoding.UTF8.GetBytes("好的"), 0xFF, (byte)'x'];
        string path = _dir.Write("bad.txt", content);

        var error = await Read.FailureAsync(path);

        Assert.Equal($"{path}: row 0: invalid UTF-8 at byte offset 6", error.Message);
    }

    [Fact]
    public async Task A_text_over_the_limit_is_refused()
    {
        string path = _dir.Write("big.txt", new string('a', 3000));

        var error = await Read.FailureAsync(path, new ReaderOptions { MaxDocumentBytes = 2048 });

        Assert.Equal($"{path}: row 0: text is 3000 bytes, over the 2048 bytes limit (--max-doc-mb)", error.Message);
        Assert.Single(await Read.AllAsync(path, new ReaderOptions { MaxDocumentBytes = 3000 }));
    }
}
