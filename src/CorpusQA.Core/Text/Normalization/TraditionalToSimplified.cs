namespace CorpusQA.Core.Text.Normalization;

/// <summary>Character-level Traditional → Simplified Chinese fold (table derived from OpenCC, see the generated file).</summary>
internal static partial class TraditionalToSimplified
{
    private static readonly Lazy<char[]> LazyMap = new(Build);

    /// <summary>A 64K-entry lookup: <c>map[c]</c> is the simplified form of <c>c</c>, or <c>c</c> itself.</summary>
    public static char[] Map => LazyMap.Value;

    /// <summary>Number of characters the fold changes.</summary>
    public static int PairCount => Pairs.Length / 2;

    private static char[] Build()
    {
        var map = new char[char.MaxValue + 1];
        for (int c = 0; c <= char.MaxValue; c++)
            map[c] = (char)c;
        for (int i = 0; i + 1 < Pairs.Length; i += 2)
            map[Pairs[i]] = Pairs[i + 1];
        return map;
    }
}
