using CorpusQA.Core.Documents;

namespace CorpusQA.Core.Signals.Facts;

/// <summary>
/// Intermediate results several signals share (line statistics, n-gram repetition, lexicon hits, PII counts),
/// computed once per document on first use and cached in the <see cref="DocView"/>. Implementations keep their
/// scratch buffers between documents so that steady-state analysis does not allocate.
/// </summary>
internal interface IDocFacts
{
    void Compute(DocView doc);
}
