namespace CorpusQA.Segmentation.Tests;

/// <summary>One default segmenter for the tests that never change its dictionary.</summary>
internal static class SharedSegmenter
{
    private static readonly Lazy<JiebaSegmenter> Lazy = new(JiebaSegmenter.CreateDefault);

    internal static JiebaSegmenter Instance => Lazy.Value;
}
