using CorpusQA.Core.Documents;
using CorpusQA.Core.Text;
using CorpusQA.Segmentation;

namespace CorpusQA.Core.Signals.Facts;

/// <summary>Per-line statistics and line/paragraph duplication (Gopher's find_duplicates, on trimmed lines).</summary>
internal sealed class LineFacts : IDocFacts
{
    /// <summary>A line of at most this many UTF-16 code units is "short" (FineWeb's 30 English characters ≈ 10 Han).</summary>
    public const int ShortLineMaxChars = 10;

    private readonly HashCounter _seen = new();

    public int TerminalPunctuationLines { get; private set; }
    public int BulletLines { get; private set; }
    public int EllipsisLines { get; private set; }
    public int ShortLines { get; private set; }
    public int BoilerplateLines { get; private set; }
    public int MaxLineLength { get; private set; }
    public long TotalLineChars { get; private set; }
    public int DuplicateLines { get; private set; }
    public long DuplicateLineChars { get; private set; }
    public int DuplicateParagraphs { get; private set; }
    public long DuplicateParagraphChars { get; private set; }

    public void Compute(DocView doc)
    {
        ReadOnlySpan<char> text = doc.Text;
        int terminal = 0, bullets = 0, ellipses = 0, shorts = 0, boilerplate = 0, max = 0;
        long total = 0;
        var boilerplateMatcher = Lexicons.Boilerplate;
        var boilerplateLines = Lexicons.BoilerplateWholeLines;
        foreach (var line in doc.Lines)
        {
            var chars = line.Of(text);
            total += chars.Length;
            if (chars.Length > max) max = chars.Length;
            if (chars.Length <= ShortLineMaxChars) shorts++;
            if (EndsWithTerminal(chars)) terminal++;
            if (Punctuation.IsBullet(chars[0])) bullets++;
            if (EndsWithEllipsis(chars)) ellipses++;
            if (boilerplateMatcher.ContainsAny(chars) || boilerplateLines.Contains(TextHash.Of(WithoutTrailingMarks(chars))))
                boilerplate++;
        }
        TerminalPunctuationLines = terminal;
        BulletLines = bullets;
        EllipsisLines = ellipses;
        ShortLines = shorts;
        BoilerplateLines = boilerplate;
        MaxLineLength = max;
        TotalLineChars = total;
        (DuplicateLines, DuplicateLineChars) = FindDuplicates(text, doc.Lines);
        (DuplicateParagraphs, DuplicateParagraphChars) = FindDuplicates(text, doc.Paragraphs);
    }

    /// <summary>Elements equal to an earlier element, and their total length (Gopher's find_duplicates).</summary>
    private (int Count, long Chars) FindDuplicates(ReadOnlySpan<char> text, ReadOnlySpan<TokenSpan> spans)
    {
        _seen.Reset(spans.Length);
        int count = 0;
        long chars = 0;
        foreach (var span in spans)
        {
            if (_seen.Add(TextHash.Of(span.Of(text))) > 1)
            {
                count++;
                chars += span.Length;
            }
        }
        return (count, chars);
    }

    /// <summary>The line without trailing punctuation and spaces: 相关文章： and 猜你喜欢... match their phrase.</summary>
    private static ReadOnlySpan<char> WithoutTrailingMarks(ReadOnlySpan<char> line)
    {
        int end = line.Length;
        while (end > 0 && (char.IsPunctuation(line[end - 1]) || char.IsWhiteSpace(line[end - 1]))) end--;
        return line[..end];
    }

    /// <summary>The line's last mark, looking through closing quotes and brackets, ends a sentence.</summary>
    internal static bool EndsWithTerminal(ReadOnlySpan<char> line)
    {
        int i = line.Length - 1;
        while (i > 0 && Punctuation.IsClosing(line[i])) i--;
        return Punctuation.IsTerminal(line[i]);
    }

    /// <summary>The line ends with … / …… / ... / 。。。 (Gopher's ellipsis lines).</summary>
    internal static bool EndsWithEllipsis(ReadOnlySpan<char> line) =>
        line.EndsWith("…") || line.EndsWith("...") || line.EndsWith("。。。");
}
