using CorpusQA.Core.Text;
using CorpusQA.Segmentation;

namespace CorpusQA.Core.Documents;

/// <summary>Finds lines, paragraphs and sentence ends in one pass over the text.</summary>
internal static class TextLayout
{
    public static void Split(DocView view, ReadOnlySpan<char> text)
    {
        int newlines = 0, lineStart = 0, paragraphStart = -1, paragraphEnd = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            int next = text[i..].IndexOf('\n'); // vectorized jump to the line end
            i = next < 0 ? text.Length : i + next;
            if (i < text.Length) newlines++;
            var line = Trim(text, lineStart, i);
            if (line.Length > 0)
            {
                view.LineList.Add(line);
                if (paragraphStart < 0) paragraphStart = line.Start;
                paragraphEnd = line.End;
            }
            else if (paragraphStart >= 0)
            {
                view.ParagraphList.Add(new TokenSpan(paragraphStart, paragraphEnd - paragraphStart));
                paragraphStart = -1;
            }
            lineStart = i + 1;
        }
        if (paragraphStart >= 0) view.ParagraphList.Add(new TokenSpan(paragraphStart, paragraphEnd - paragraphStart));
        view.NewlineCount = newlines;
        view.SentenceCount = CountSentences(text);
    }

    /// <summary>Counts runs of sentence-final marks that follow some content, plus a trailing unterminated sentence.</summary>
    internal static int CountSentences(ReadOnlySpan<char> text)
    {
        var special = SentenceSpecial;
        int sentences = 0;
        bool content = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            // Most characters are plain content; only marks, closers and white space need the full tests.
            if ((special[c >> 6] & (1UL << (c & 63))) == 0)
            {
                content = true;
            }
            else if (IsSentenceEnd(text, i))
            {
                if (content) sentences++;
                content = false;
            }
            else if (!char.IsWhiteSpace(c) && !Punctuation.IsClosing(c))
            {
                content = true;
            }
        }
        return content ? sentences + 1 : sentences;
    }

    /// <summary>Bitmap of the characters <see cref="CountSentences"/> must look at: marks, closers, white space.</summary>
    private static readonly ulong[] SentenceSpecial = BuildSentenceSpecial();

    private static ulong[] BuildSentenceSpecial()
    {
        var bits = new ulong[1024];
        for (int c = 0; c <= char.MaxValue; c++)
        {
            char ch = (char)c;
            if (ch is '。' or '！' or '？' or '｡' or '!' or '?' or '.' or '．' || char.IsWhiteSpace(ch) || Punctuation.IsClosing(ch))
                bits[c >> 6] |= 1UL << (c & 63);
        }
        return bits;
    }

    private static bool IsSentenceEnd(ReadOnlySpan<char> text, int i)
    {
        char c = text[i];
        if (c is '。' or '！' or '？' or '｡' or '!' or '?') return true;
        // A period ends a sentence only before white space or the end: not in 72.7%, example.com or 1.5.
        if (c is '.' or '．') return i + 1 == text.Length || char.IsWhiteSpace(text[i + 1]) || Punctuation.IsClosing(text[i + 1]);
        return false;
    }

    private static TokenSpan Trim(ReadOnlySpan<char> text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return new TokenSpan(start, end - start);
    }
}
