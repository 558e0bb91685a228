using CorpusQA.Core.LanguageModel;
using CorpusQA.Core.Tests.Documents;

namespace CorpusQA.Core.Tests.LanguageModel;

public class LmFileErrorTests
{
    private static byte[] SmallModel()
    {
        var trainer = new CharLmTrainer(3);
        trainer.AddText(TestData.Seed("000").AsSpan(0, 600));
        return trainer.Build();
    }

    private static string OpenError(byte[] bytes)
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, bytes);
            var ex = Assert.Throws<LanguageModelException>(() => CharLanguageModel.Open(path).Dispose());
            Assert.DoesNotContain('\n', ex.Message);
            Assert.StartsWith(path, ex.Message);
            return ex.Message;
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Truncated_file_is_one_line_error()
    {
        var bytes = SmallModel();
        Assert.Contains("truncated", OpenError(bytes[..(bytes.Length - 100)]));
        Assert.Contains("truncated", OpenError(bytes[..200]));
        Assert.Contains("not a CorpusQA language model", OpenError(bytes[..10]));
        Assert.Contains("not a CorpusQA language model", OpenError([]));
    }

    [Fact]
    public void Corrupt_file_is_one_line_error()
    {
        var bytes = SmallModel();
        var flipped = (byte[])bytes.Clone();
        flipped[^50] ^= 0x40;
        Assert.Contains("checksum", OpenError(flipped));
        var magic = (byte[])bytes.Clone();
        magic[0] = (byte)'X';
        Assert.Contains("bad magic", OpenError(magic));
        var version = (byte[])bytes.Clone();
        version[8] = 9;
        Assert.Contains("format version 9", OpenError(version));
        Assert.Contains("not found", Assert.Throws<LanguageModelException>(() => CharLanguageModel.Open("/nonexistent/lm.bin")).Message);
    }
}
