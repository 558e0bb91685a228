namespace CorpusQA.Segmentation.Dictionary;

/// <summary>
/// One line of a user dictionary, split as jieba's <c>re_userdict = ^(.+?)( [0-9]+)?( [a-z]+)?$</c>
/// does: the shortest word after which the rest of the line is, optionally, a space and ASCII
/// digits, then optionally a space and lowercase ASCII letters. So "a b c" is the word "a b" with
/// tag "c", and "石墨烯 v 12" is the word "石墨烯 v" with frequency 12.
/// </summary>
internal readonly record struct UserDictionaryLine(string Word, string? Frequency, string? Tag)
{
    /// <summary>Splits a non-empty, already stripped line (the regex always matches one).</summary>
    internal static UserDictionaryLine Parse(string line)
    {
        for (int wordLength = 1; wordLength < line.Length; wordLength++)
        {
            if (TryMatchTail(line.AsSpan(wordLength), out string? freq, out string? tag))
            {
                return new UserDictionaryLine(line[..wordLength], freq, tag);
            }
        }
        return new UserDictionaryLine(line, null, null);
    }

    private static bool TryMatchTail(ReadOnlySpan<char> rest, out string? freq, out string? tag)
    {
        freq = null;
        tag = null;
        int digits = CountLeading(rest, static c => char.IsAsciiDigit(c));
        if (digits > 0)
        {
            freq = rest.Slice(1, digits).ToString();
            rest = rest[(1 + digits)..];
            if (rest.IsEmpty)
            {
                return true;
            }
        }
        int letters = CountLeading(rest, static c => char.IsAsciiLetterLower(c));
        if (letters > 0 && letters + 1 == rest.Length)
        {
            tag = rest[1..].ToString();
            return true;
        }
        return false;
    }

    /// <summary>Length of the run matching <paramref name="accept"/> after a leading space; 0 when there is no such run.</summary>
    private static int CountLeading(ReadOnlySpan<char> s, Func<char, bool> accept)
    {
        if (s.Length < 2 || s[0] != ' ')
        {
            return 0;
        }
        int n = 1;
        while (n < s.Length && accept(s[n]))
        {
            n++;
        }
        return n - 1;
    }
}
