using CorpusQA.Core.Documents;
using CorpusQA.Core.Text;
using CorpusQA.Segmentation;

namespace CorpusQA.Core.Tests.Documents;

/// <summary>Analyzers for tests.</summary>
internal static class TestAnalyzers
{
    private static readonly Lazy<JiebaSegmenter> Segmenter = new(JiebaSegmenter.CreateDefault);

    /// <summary>An analyzer over the real jieba segmenter (default dictionary, shared by all tests).</summary>
    public static DocumentAnalyzer Jieba() => new(Segmenter.Value);

    /// <summary>
    /// An analyzer whose "segmenter" makes every Han character, every run of letters/digits and every other
    /// non-space character a token: predictable token boundaries for hand-made inputs.
    /// </summary>
    public static DocumentAnalyzer CharacterTokens() => new(CutCharacters);

    private static void CutCharacters(ReadOnlySpan<char> text, List<TokenSpan> output)
    {
        int i = 0;
        while (i < text.Length)
        {
            int start = i;
            if (char.IsAsciiLetterOrDigit(text[i]))
                while (i < text.Length && char.IsAsciiLetterOrDigit(text[i])) i++;
            else if (char.IsWhiteSpace(text[i]))
                while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            else
                i += char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
            output.Add(new TokenSpan(start, i - start));
        }
    }

    /// <summary>Computes all signals of <paramref name="text"/> and returns them by name.</summary>
    public static Dictionary<string, double> Signals(DocumentAnalyzer analyzer, string text)
    {
        var registry = Core.Signals.SignalRegistry.Default;
        var values = new double[registry.Count];
        registry.ComputeAll(analyzer.Analyze(text), values);
        var byName = new Dictionary<string, double>();
        for (int i = 0; i < values.Length; i++) byName[registry.Signals[i].Name] = values[i];
        return byName;
    }

    internal static CharClassCounts Count(string text) => CharClassCounts.Count(text);
}
