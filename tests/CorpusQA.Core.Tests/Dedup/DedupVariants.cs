namespace CorpusQA.Core.Tests.Dedup;

/// <summary>Originals followed by light edits and exact copies of some of them, for clustering tests.</summary>
internal static class DedupVariants
{
    public static List<string> Build(IReadOnlyList<string> originals, int seed)
    {
        var random = new Random(seed);
        var texts = new List<string>(originals);
        for (int i = 0; i < originals.Count; i++)
        {
            if (i % 2 == 0)
                texts.Add(DedupEdits.Substitute(originals[i], 0.01, random));
            if (i % 5 == 0)
                texts.Add(originals[i]);
            if (i % 3 == 0)
                texts.Add(DedupEdits.Substitute(originals[i], 0.5, random));
        }
        return texts;
    }
}
