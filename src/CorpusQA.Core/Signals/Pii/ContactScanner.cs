using System.Buffers;

namespace CorpusQA.Core.Signals.Pii;

/// <summary>E-mail addresses, URLs and IP addresses, found by hand-written scanners (no regular expressions).</summary>
internal static class ContactScanner
{
    /// <summary>The only characters that can start a match: '@', a URL scheme or www, a hex digit or ':' (IPs).</summary>
    private static readonly SearchValues<char> MatchStarts = SearchValues.Create("@hHfFwW0123456789abcdefABCDEF:");

    public static void Scan(ReadOnlySpan<char> text, ref PiiCounts counts)
    {
        for (int i = 0; i < text.Length; i++)
        {
            int skip = text[i..].IndexOfAny(MatchStarts);
            if (skip < 0) break;
            i += skip;
            char c = text[i];
            if (c == '@')
            {
                if (TryEmail(text, i, out int end)) { counts.Emails++; i = end - 1; }
                continue;
            }
            else if (c is 'h' or 'H' or 'f' or 'F' or 'w' or 'W' && TryUrl(text, i, out int urlEnd))
            {
                counts.Urls++;
                i = urlEnd - 1;
                continue;
            }
            if (char.IsAsciiHexDigit(c) || c == ':')
            {
                if (i > 0 && (char.IsAsciiLetterOrDigit(text[i - 1]) || text[i - 1] is '.' or ':')) continue;
                if (TryIPv6(text, i, out int end)) { counts.IPv6s++; i = end - 1; }
                else if (char.IsAsciiDigit(c) && TryIPv4(text, i, out end)) { counts.IPv4s++; i = end - 1; }
            }
        }
    }

    private static bool IsLocalPartChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-';

    internal static bool TryEmail(ReadOnlySpan<char> text, int at, out int end)
    {
        end = at + 1;
        int start = at;
        while (start > 0 && IsLocalPartChar(text[start - 1])) start--;
        if (start == at) return false;
        int labels = 0, labelLength = 0, lastLabelLetters = 0, i = at + 1;
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsAsciiLetterOrDigit(c) || c == '-')
            {
                labelLength++;
                lastLabelLetters = char.IsAsciiLetter(c) ? lastLabelLetters + 1 : 0;
            }
            else if (c == '.' && labelLength > 0 && i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1]))
            {
                labels++;
                labelLength = 0;
                lastLabelLetters = 0;
            }
            else break;
        }
        if (labelLength > 0) labels++;
        end = i;
        // At least a domain and a top-level domain of two or more letters.
        return labels >= 2 && lastLabelLetters >= 2 && lastLabelLetters == labelLength;
    }

    internal static bool TryUrl(ReadOnlySpan<char> text, int start, out int end)
    {
        end = start + 1;
        if (start > 0 && (char.IsAsciiLetterOrDigit(text[start - 1]) || text[start - 1] is '.' or '/' or '@')) return false;
        var rest = text[start..];
        int prefix = rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? 8
            : rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? 7
            : rest.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase) ? 6
            : rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? 4 : 0;
        if (prefix == 0) return false;
        int i = start + prefix;
        if (i >= text.Length || !char.IsAsciiLetterOrDigit(text[i])) return false;
        while (i < text.Length && text[i] is > ' ' and < '\u007F' && text[i] is not ('<' or '>' or '"' or '\'')) i++;
        end = i;
        return true;
    }

    internal static bool TryIPv4(ReadOnlySpan<char> text, int start, out int end)
    {
        int i = start;
        for (int octet = 0; octet < 4; octet++)
        {
            if (octet > 0)
            {
                if (i >= text.Length || text[i] != '.') { end = i; return false; }
                i++;
            }
            int digitsStart = i, value = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i]) && i - digitsStart < 4)
            {
                value = value * 10 + (text[i] - '0');
                i++;
            }
            int length = i - digitsStart;
            if (length is 0 or > 3 || value > 255 || (length > 1 && text[digitsStart] == '0')) { end = Math.Max(i, start + 1); return false; }
        }
        end = i;
        // Not part of a longer dotted number (a version string such as 1.2.3.4.5) nor followed by letters.
        if (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || (text[i] == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))))
            return false;
        return true;
    }

    /// <summary>
    /// An IPv6 address: eight groups of 1–4 hex digits, or fewer around a single "::" (at least three groups then,
    /// so C++'s a::b is not one). Not followed by a letter, digit, ':' or '.'.
    /// </summary>
    internal static bool TryIPv6(ReadOnlySpan<char> text, int start, out int end)
    {
        int i = start, groups = 0;
        bool compressed = false;
        end = start + 1;
        if (text[start] == ':')
        {
            if (start + 1 >= text.Length || text[start + 1] != ':') return false;
            compressed = true;
            i += 2;
        }
        while (i < text.Length && char.IsAsciiHexDigit(text[i]))
        {
            int digitsStart = i;
            while (i < text.Length && char.IsAsciiHexDigit(text[i]) && i - digitsStart < 5) i++;
            if (i - digitsStart > 4) return false;
            groups++;
            if (i + 1 < text.Length && text[i] == ':' && text[i + 1] == ':')
            {
                if (compressed) return false;
                compressed = true;
                i += 2;
            }
            else if (i + 1 < text.Length && text[i] == ':' && char.IsAsciiHexDigit(text[i + 1]))
            {
                i++;
            }
            else
            {
                break;
            }
        }
        end = i;
        if (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is ':' or '.')) return false;
        return compressed ? groups is >= 3 and <= 7 : groups == 8;
    }
}
