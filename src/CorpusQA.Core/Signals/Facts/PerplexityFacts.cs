using CorpusQA.Core.Documents;
using CorpusQA.Core.LanguageModel;

namespace CorpusQA.Core.Signals.Facts;

/// <summary>The bundled character LM's perplexity profile of the document, scored paragraph by paragraph once (with the jieba words, for the word-boundary gain and the word-order test).</summary>
internal sealed class PerplexityFacts : IDocFacts
{
    public PerplexityProfile Profile { get; private set; }

    /// <summary>The paired word-order test run during the same pass (<see cref="WordOrderTest"/>).</summary>
    public WordOrderTest WordOrder { get; private set; }

    public void Compute(DocView doc)
    {
        var model = CharLanguageModel.Default;
        var text = doc.Text.AsSpan();
        var profile = default(PerplexityProfile);
        var words = doc.Tokens;
        int cursor = 0;
        var test = new WordOrderTest(words.Length);
        foreach (var paragraph in doc.Paragraphs) profile.Add(model.ScoreText(paragraph.Of(text), paragraph.Start, words, ref cursor, ref test));
        Profile = profile;
        WordOrder = test;
    }
}
