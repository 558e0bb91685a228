namespace CorpusQA.Segmentation;

/// <summary>The segmentation modes of jieba.</summary>
public enum CutMode
{
    /// <summary><c>jieba.cut(s)</c>: the most probable non-overlapping segmentation.</summary>
    Accurate,
    /// <summary><c>jieba.cut(s, cut_all=True)</c>: every dictionary word found, overlapping.</summary>
    Full,
    /// <summary><c>jieba.cut_for_search(s)</c>: accurate mode plus the 2- and 3-character dictionary words inside long tokens.</summary>
    Search,
}
