using CorpusQA.Core.Signals.Facts;
using CorpusQA.Core.Text;
using CorpusQA.Segmentation;

namespace CorpusQA.Core.Documents;

/// <summary>
/// One document analysed once: its text, jieba word tokens, lines, paragraphs, sentence count and character-class
/// counts. Signals read only this. A <see cref="DocumentAnalyzer"/> owns one view and refills it on every
/// <see cref="DocumentAnalyzer.Analyze"/> call, so a view is valid only until the next call on the same analyzer;
/// copy out what you need (e.g. the signal values) before analysing the next document.
/// </summary>
public sealed class DocView
{
    internal readonly List<TokenSpan> TokenList = [];
    internal readonly List<TokenSpan> LineList = [];
    internal readonly List<TokenSpan> ParagraphList = [];
    internal ulong[] TokenHashes = new ulong[256];
    internal bool[] TokenIsWord = new bool[256];
    private int _stamp;
    private readonly LineFacts _lineFacts = new();
    private readonly RepetitionFacts _repetitionFacts = new();
    private readonly LexiconFacts _lexiconFacts = new();
    private readonly PiiFacts _piiFacts = new();
    private readonly EncodingFacts _encodingFacts = new();
    private readonly PerplexityFacts _perplexityFacts = new();
    private int _lineFactsStamp = -1, _repetitionStamp = -1, _lexiconStamp = -1, _piiStamp = -1, _encodingStamp = -1, _perplexityStamp = -1;

    internal DocView()
    {
    }

    /// <summary>The document text as given to the analyzer (not normalised).</summary>
    public string Text { get; private set; } = "";

    private CharClassCounts _chars;

    /// <summary>Character-class counts of <see cref="Text"/> (by reference: the struct is ~100 bytes).</summary>
    public ref readonly CharClassCounts Chars => ref _chars;

    internal void SetChars(in CharClassCounts counts) => _chars = counts;

    /// <summary>
    /// jieba tokens (accurate mode, HMM on) that are not pure white space, in text order: words, numbers,
    /// Latin runs and punctuation marks.
    /// </summary>
    public ReadOnlySpan<TokenSpan> Tokens => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(TokenList);

    /// <summary>64-bit hash of each of <see cref="Tokens"/>' characters (xxHash3 of the UTF-16 code units), same order.</summary>
    public ReadOnlySpan<ulong> TokenHashSpan => TokenHashes.AsSpan(0, TokenList.Count);

    /// <summary>Number of <see cref="Tokens"/> that contain a Han character, letter or digit (the "words").</summary>
    public int WordCount { get; internal set; }

    /// <summary>Number of <see cref="Tokens"/> that contain a letter (Han, Latin, kana, Hangul...; digits do not count).</summary>
    public int AlphabeticTokenCount { get; internal set; }

    /// <summary>Total length in UTF-16 code units of the word tokens.</summary>
    public int WordChars { get; internal set; }

    /// <summary>Non-blank lines, trimmed of surrounding white space (split on '\n'; '\r' is white space).</summary>
    public ReadOnlySpan<TokenSpan> Lines => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(LineList);

    /// <summary>Newline characters in the text.</summary>
    public int NewlineCount { get; internal set; }

    /// <summary>Paragraphs: runs of non-blank lines separated by at least one blank line, trimmed.</summary>
    public ReadOnlySpan<TokenSpan> Paragraphs => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ParagraphList);

    /// <summary>
    /// Sentences: runs of terminal marks (。！？｡ and full-width/ASCII ! ?, and '.' followed by white space or the
    /// end), plus one for trailing text after the last mark.
    /// </summary>
    public int SentenceCount { get; internal set; }

    internal void Reset(string text)
    {
        Text = text;
        _stamp++;
        TokenList.Clear();
        LineList.Clear();
        ParagraphList.Clear();
    }

    internal LineFacts LineFacts => Ensure(_lineFacts, ref _lineFactsStamp);
    internal RepetitionFacts Repetition => Ensure(_repetitionFacts, ref _repetitionStamp);
    internal LexiconFacts Lexicon => Ensure(_lexiconFacts, ref _lexiconStamp);
    internal PiiFacts Pii => Ensure(_piiFacts, ref _piiStamp);
    internal EncodingFacts Encoding => Ensure(_encodingFacts, ref _encodingStamp);
    internal PerplexityFacts Perplexity => Ensure(_perplexityFacts, ref _perplexityStamp);

    // Facts shared by several signals are computed on first use and cached until the next document, so a signal
    // never repeats a scan and the registry order does not matter.
    private T Ensure<T>(T facts, ref int stamp) where T : IDocFacts
    {
        if (stamp != _stamp)
        {
            facts.Compute(this);
            stamp = _stamp;
        }
        return facts;
    }
}
