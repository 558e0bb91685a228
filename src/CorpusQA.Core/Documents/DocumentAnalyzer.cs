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
    private readonly DocView _view = new();

    /// <summary>An analyzer over <paramref name="segmenter"/>, which may be shared by every thread's analyzer.</summary>
    public DocumentAnalyzer(JiebaSegmenter segmenter)
    {
        ArgumentNullException.ThrowIfNull(segmenter);
        _cut = (text, output) => segmenter.Cut(text, output, CutMode.Accurate, hmm: true);
    }

    /// <summary>An analyzer over any word cutter (tests use one with predictable boundaries).</summary>
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
        view.SetChars(CharClassCounts.Count(text));
        // The cutter writes into the view's own list, which CollectTokens then compacts in place: one list of
        // token spans, not two (8 bytes per token less on a huge document).
        _cut(text, view.TokenList);
        CollectTokens(view, text);
        TextLayout.Split(view, text);
        return view;
    }

    private void CollectTokens(DocView view, ReadOnlySpan<char> text)
    {
        var tokens = view.TokenList;
        if (view.TokenHashes.Length < tokens.Count)
        {
            int size = Math.Max(tokens.Count, view.TokenHashes.Length * 2);
            view.TokenHashes = new ulong[size];
            view.TokenIsWord = new bool[size];
        }
        int words = 0, wordChars = 0, kept = 0, alphabetic = 0;
        var all = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens);
        foreach (var token in all)
        {
            var chars = token.Of(text);
            if (chars.IsEmpty || (char.IsWhiteSpace(chars[0]) && chars.IsWhiteSpace())) continue; // most fail at [0]
            bool isWord = ContainsWordCharacter(chars, out bool hasLetter);
            if (hasLetter) alphabetic++;
            all[kept] = token; // kept <= the index read: compaction never overwrites an unread token
            view.TokenHashes[kept] = TextHash.Of(chars);
            view.TokenIsWord[kept] = isWord;
            kept++;
            if (isWord)
            {
                words++;
                wordChars += token.Length;
            }
        }
        System.Runtime.InteropServices.CollectionsMarshal.SetCount(tokens, kept);
        view.WordCount = words;
        view.WordChars = wordChars;
        view.AlphabeticTokenCount = alphabetic;
    }

    /// <summary>A word has a Han character, letter or digit; <paramref name="hasLetter"/> excludes digits (Python's isalpha).</summary>
    private static bool ContainsWordCharacter(ReadOnlySpan<char> token, out bool hasLetter)
    {
        bool word = false;
        hasLetter = false;
        foreach (char c in token)
        {
            var kind = CharTable.KindOf(c);
            if (kind is CharKind.Han or CharKind.Latin or CharKind.Kana or CharKind.Hangul || char.IsSurrogate(c)
                || (kind == CharKind.Other && char.IsLetter(c)))
            {
                hasLetter = true;
                return true;
            }
            if (kind == CharKind.Digit || (kind == CharKind.Other && char.IsDigit(c))) word = true;
        }
        return word;
    }
}
