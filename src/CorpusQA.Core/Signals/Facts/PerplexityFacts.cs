using CorpusQA.Core.Documents;
using CorpusQA.Core.LanguageModel;

namespace CorpusQA.Core.Signals.Facts;

/// <summary>The bundled character LM's perplexity profile of the document, scored paragraph by paragraph once (with the jieba words, for the word-boundary gain).</summary>
internal sealed class PerplexityFacts : IDocFacts
{
    public PerplexityProfile Profile { get; private set; }

    public void Compute(DocView doc)
    {
        var model = CharLanguageModel.Default;
        var text = doc.Text.AsSpan();
        var profile = default(PerplexityProfile);
        var words = doc.Tokens;
        int cursor = 0;
        foreach (var paragraph in doc.Paragraphs) profile.Add(model.ScoreText(paragraph.Of(text), paragraph.Start, words, ref cursor));
        Profile = profile;
    }
}
