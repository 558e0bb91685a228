namespace CorpusQA.Segmentation.Tests.Parity;

/// <summary>
/// The acceptance criterion: identical tokens to Python jieba 0.42.1 for every golden document in
/// every mode (the 5 seed articles and the first 2,000 Debian-docs documents, each capped at 2,000
/// characters; see tools/segmentation/make_golden.py).
/// </summary>
public sealed class ParityTests
{
    private static readonly Lazy<IReadOnlyList<GoldenDocument>> Seeds = new(() => GoldenDocument.Load("golden-seeds.jsonl.gz"));
    private static readonly Lazy<IReadOnlyList<GoldenDocument>> Bench = new(() => GoldenDocument.Load("golden-bench.jsonl.gz"));

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (string set in new[] { "seeds", "bench" })
        {
            foreach (string mode in GoldenDocument.ModeNames)
            {
                data.Add(set, mode);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesJiebaOnEveryDocument(string set, string mode)
    {
        IReadOnlyList<GoldenDocument> docs = set == "seeds" ? Seeds.Value : Bench.Value;
        Assert.True(set == "seeds" ? docs.Count == 5 : docs.Count >= 2000, $"fixture {set} has {docs.Count} documents");
        JiebaSegmenter segmenter = SharedSegmenter.Instance;
        var failures = new List<string>();
        foreach (GoldenDocument doc in docs)
        {
            List<string> actual = CutAs(segmenter, doc.Text, mode);
            if (TokenDiff.Describe(doc.Id, mode, doc.Modes[mode], actual) is { } diff)
            {
                failures.Add(diff);
            }
        }
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {docs.Count} documents differ from jieba; first ones:\n" + string.Join("\n", failures.Take(5)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SpanApiAgreesWithStringApi(string set, string mode)
    {
        IReadOnlyList<GoldenDocument> docs = set == "seeds" ? Seeds.Value : Bench.Value;
        JiebaSegmenter segmenter = SharedSegmenter.Instance;
        var spans = new List<TokenSpan>();
        foreach (GoldenDocument doc in docs.Take(300))
        {
            spans.Clear();
            (CutMode cutMode, bool hmm) = Parse(mode);
            segmenter.Cut(doc.Text.AsSpan(), spans, cutMode, hmm);
            List<string> fromSpans = spans.Select(s => s.Of(doc.Text).ToString()).ToList();
            Assert.Equal(segmenter.Cut(doc.Text, cutMode, hmm), fromSpans);
        }
    }

    internal static List<string> CutAs(JiebaSegmenter segmenter, string text, string mode)
    {
        (CutMode cutMode, bool hmm) = Parse(mode);
        return segmenter.Cut(text, cutMode, hmm);
    }

    internal static (CutMode Mode, bool Hmm) Parse(string mode) => mode switch
    {
        "accurate" => (CutMode.Accurate, true),
        "accurate_no_hmm" => (CutMode.Accurate, false),
        "full" => (CutMode.Full, true),
        "search" => (CutMode.Search, true),
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };
}
