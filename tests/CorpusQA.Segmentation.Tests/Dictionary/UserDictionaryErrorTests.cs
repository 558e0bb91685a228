namespace CorpusQA.Segmentation.Tests.Dictionary;

/// <summary>The failure modes and UTF-16 corner documented in docs/known-deviations.md.</summary>
public sealed class UserDictionaryErrorTests
{
    [Fact]
    public void InvalidUtf8IsRejectedButEarlierLinesStay()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [.. "甲乙丙丁 7\n"u8, 0xE4, 0xB8, (byte)'\n']);
            JiebaSegmenter seg = JiebaSegmenter.CreateDefault();
            var error = Assert.Throws<InvalidDataException>(() => seg.LoadUserDictionary(path));
            Assert.Contains("must be utf-8", error.Message);
            Assert.Equal(7, seg.GetFrequency("甲乙丙丁")); // jieba also keeps the lines it added
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void FrequencyBeyondInt32Throws()
    {
        JiebaSegmenter seg = JiebaSegmenter.CreateDefault();
        Assert.Throws<OverflowException>(() => seg.LoadUserDictionary(new StringReader("大数 99999999999")));
    }

    [Fact]
    public void NonBmpUserWordRegistersItsHighSurrogateAsAPrefix()
    {
        JiebaSegmenter seg = JiebaSegmenter.CreateDefault();
        seg.AddWord("😀笑", 5);
        Assert.Equal(5, seg.GetFrequency("😀笑"));
        Assert.Equal(0, seg.GetFrequency("😀"));
        Assert.Equal(0, seg.GetFrequency("\uD83D"));
        Assert.Equal(["😀", "笑"], seg.Cut("😀笑")); // the emoji never enters a han block
    }
}
