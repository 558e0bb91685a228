using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CorpusQA.IO.Tests.Support;

namespace CorpusQA.IO.Tests.Readers;

/// <summary>Random lines against System.Text.Json's own parse, at buffer sizes that split lines everywhere.</summary>
public sealed class JsonlBoundaryTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static readonly string[] Pieces = ["中", "文", "𠀀", "a", " ", "\n", "\r\n", "\"", "\\", "\t", "é", "。", "\u2028", "😀"];

    [Theory]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(31)]
    [InlineData(64)]
    [InlineData(4096)]
    public async Task Every_buffer_size_reads_what_System_Text_Json_reads(int bufferBytes)
    {
        var random = new Random(20261123);
        var expected = new List<(long Row, string Id, string Text)>();
        var file = new StringBuilder();
        var escapeAll = new JsonSerializerOptions();
        var escapeLittle = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        for (int row = 0; row < 400; row++)
        {
            if (random.Next(10) == 0)
            {
                file.Append(random.Next(2) == 0 ? "\n" : "  \r\n");
                continue;
            }
            string text = string.Concat(Enumerable.Range(0, random.Next(0, 40)).Select(_ => Pieces[random.Next(Pieces.Length)]));
            var record = new Dictionary<string, object> { ["n"] = random.Next(), ["text"] = text, ["id"] = $"r{row}" };
            file.Append(JsonSerializer.Serialize(record, random.Next(2) == 0 ? escapeAll : escapeLittle));
            file.Append(random.Next(3) == 0 ? "\r\n" : "\n");
            expected.Add((row, $"r{row}", text));
        }
        string path = _dir.Write("random.jsonl", file.ToString());

        var documents = await Read.AllAsync(path, new ReaderOptions { ReadBufferBytes = bufferBytes });

        Assert.Equal(expected, documents.Select(d => (d.RowIndex, d.Id, d.Text)));
    }
}
