using CorpusQA.Core.Documents;
using CorpusQA.Core.Signals.Pii;

namespace CorpusQA.Core.Signals.Facts;

/// <summary>Personal data counts of a document: one pass per scanner family over the text.</summary>
internal sealed class PiiFacts : IDocFacts
{
    private PiiCounts _counts;

    public ref readonly PiiCounts Counts => ref _counts;

    public void Compute(DocView doc)
    {
        _counts = default;
        DigitRunScanner.Scan(doc.Text, ref _counts);
        ContactScanner.Scan(doc.Text, ref _counts);
        ImHandleScanner.Scan(doc.Text, ref _counts);
    }
}
