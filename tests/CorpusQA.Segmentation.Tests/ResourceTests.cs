using System.Reflection;

namespace CorpusQA.Segmentation.Tests;

public sealed class ResourceTests
{
    [Fact]
    public void JiebaLicenceShipsInsideTheAssembly()
    {
        Assembly assembly = typeof(JiebaSegmenter).Assembly;
        using Stream? stream = assembly.GetManifestResourceStream("CorpusQA.Segmentation.LICENSE-jieba.txt");
        Assert.NotNull(stream);
        string text = new StreamReader(stream).ReadToEnd();
        Assert.Contains("Sun Junyi", text);
        Assert.Contains("Permission is hereby granted, free of charge", text);
    }

    [Fact]
    public void JiebaLicenceIsCopiedNextToTheAssembly()
    {
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "LICENSE-jieba.txt")));
    }

    [Fact]
    public void DefaultDictionaryHasJiebasTotalAndWordCount()
    {
        // gen_pfdict over dict.txt (349,046 lines): total 60,101,967.
        Assert.Equal(60_101_967, JiebaSegmenter.CreateDefault().Total);
    }
}
