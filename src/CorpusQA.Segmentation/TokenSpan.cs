namespace CorpusQA.Segmentation;

/// <summary>A token as a range of UTF-16 code units in the segmented text; it never copies the text.</summary>
public readonly record struct TokenSpan(int Start, int Length)
{
    /// <summary>Exclusive end offset.</summary>
    public int End => Start + Length;

    /// <summary>The token's characters within <paramref name="text"/>.</summary>
    public ReadOnlySpan<char> Of(ReadOnlySpan<char> text) => text.Slice(Start, Length);
}
