using CorpusQA.Core.Text;
using CorpusQA.Segmentation;

namespace CorpusQA.Core.Documents;

/// <summary>Splits a text into word tokens; the analyzer's only dependency on a segmenter.</summary>
internal delegate void WordCutter(ReadOnlySpan<char> text, List<TokenSpan> output);

/// <summary>
/// Turns a document's text into a <see cref="DocView"/>: segments it once (jieba accurate mode, HMM on), counts
/// character classes in one pass, and finds lines, paragraphs and sentences. Not thread-safe: create one analyzer
/// per thread (it is cheap: a view and a few scratch buffers); the segmenter itself may be shared.
/// </summary>
public sealed class DocumentAnalyzer
{
    private readonly WordCutter _cut;
    private readonly List<TokenSpan> _rawTokens = [];
    private readonly DocView _view = new();

    internal DocumentAnalyzer(WordCutter cut) => _cut = cut;

    /// <summary>
    /// Analyses <paramref name="text"/>. The returned view is owned by this analyzer and is overwritten by the next
    /// call; compute the signals before analysing another document.
    /// </summary>
    public DocView Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var view = _view;
        view.Reset(text);
        view.Chars = CharClassCounts.Count(text);
        _rawTokens.Clear();
        _cut(text, _rawTokens);
        CollectTokens(view, text);
        TextLayout.Split(view, text);
        return view;
    }

    private void CollectTokens(DocView view, ReadOnlySpan<char> text)
    {
        if (view.TokenHashes.Length < _rawTokens.Count)
        {
            int size = Math.Max(_rawTokens.Count, view.TokenHashes.Length * 2);
            view.TokenHashes = new ulong[size];
            view.TokenIsWord = new bool[size];
        }
        int words = 0, wordChars = 0, kept = 0;
        foreach (var token in _rawTokens)
        {
            var chars = token.Of(text);
            if (chars.IsWhiteSpace()) continue;
            bool isWord = ContainsWordCharacter(chars);
            view.TokenList.Add(token);
            view.TokenHashes[kept] = TextHash.Of(chars);
            view.TokenIsWord[kept] = isWord;
            kept++;
            if (isWord)
            {
                words++;
                wordChars += token.Length;
            }
        }
        view.WordCount = words;
        view.WordChars = wordChars;
    }

    private static bool ContainsWordCharacter(ReadOnlySpan<char> token)
    {
        foreach (char c in token)
        {
            var kind = CharTable.KindOf(c);
            if (kind is CharKind.Han or CharKind.Latin or CharKind.Digit or CharKind.Kana or CharKind.Hangul
                || char.IsSurrogate(c) || (kind == CharKind.Other && char.IsLetterOrDigit(c)))
                return true;
        }
        return false;
    }
}
