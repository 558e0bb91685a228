using System.Buffers;

namespace CorpusQA.Core.Signals.Pii;

/// <summary>
/// QQ numbers and WeChat ids, counted only when a keyword introduces them (QQ/qq号/扣扣 12345678, 微信/VX/wx: abc_123),
/// since a bare 5–11 digit number or word is not evidence of either.
/// </summary>
internal static class ImHandleScanner
{
    private const int MaxGap = 6;

    /// <summary>First characters of the keywords (qq, 扣扣, 微信/薇信/威信, V信, weixin, vx, wx): nothing else can start a match.</summary>
    private static readonly SearchValues<char> KeywordStarts = SearchValues.Create("qQ扣微薇威vVwW");

    public static void Scan(ReadOnlySpan<char> text, ref PiiCounts counts)
    {
        for (int i = 0; i < text.Length; i++)
        {
            int skip = text[i..].IndexOfAny(KeywordStarts);
            if (skip < 0) break;
            i += skip;
            int keywordEnd = MatchKeyword(text, i, out bool isQq, out bool latinKeyword);
            if (keywordEnd < 0) continue;
            int idStart = SkipGap(text, keywordEnd, out int gap);
            if (latinKeyword && gap == 0 && !isQq) continue; // "wxWidgets" is not a WeChat id
            if (isQq)
            {
                int end = DigitRunEnd(text, idStart);
                if (end - idStart is >= 5 and <= 11 && text[idStart] != '0') { counts.QqNumbers++; i = end - 1; }
            }
            else
            {
                int end = WeChatIdEnd(text, idStart);
                if (end > idStart) { counts.WeChatIds++; i = end - 1; }
            }
        }
    }

    private static int MatchKeyword(ReadOnlySpan<char> text, int i, out bool isQq, out bool latin)
    {
        isQq = false;
        latin = false;
        var rest = text[i..];
        bool latinStart = i == 0 || !char.IsAsciiLetter(text[i - 1]);
        if (latinStart && rest.StartsWith("qq", StringComparison.OrdinalIgnoreCase)) { isQq = latin = true; return i + 2; }
        if (rest.StartsWith("扣扣")) { isQq = true; return i + 2; }
        if (rest.StartsWith("微信") || rest.StartsWith("薇信") || rest.StartsWith("威信")) return i + 2;
        if (rest.StartsWith("V信") || rest.StartsWith("v信")) return i + 2;
        if (latinStart && rest.StartsWith("weixin", StringComparison.OrdinalIgnoreCase)) { latin = true; return i + 6; }
        if (latinStart && (rest.StartsWith("vx", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("wx", StringComparison.OrdinalIgnoreCase)))
        {
            latin = true;
            return i + 2;
        }
        return -1;
    }

    private static int SkipGap(ReadOnlySpan<char> text, int i, out int gap)
    {
        int start = i;
        while (i < text.Length && i - start < MaxGap && text[i] is ' ' or ':' or '：' or '号' or '號' or '是' or '为' or '為'
                   or '群' or '(' or '（' or '=' or '-' or '\t' or '\u3000')
            i++;
        gap = i - start;
        return i;
    }

    private static int DigitRunEnd(ReadOnlySpan<char> text, int i)
    {
        int start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        if (i < text.Length && char.IsAsciiLetter(text[i])) return start;
        return i;
    }

    /// <summary>A WeChat id: a letter then 5–19 letters, digits, '_' or '-'; or a mobile number.</summary>
    private static int WeChatIdEnd(ReadOnlySpan<char> text, int i)
    {
        int start = i;
        if (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            int end = DigitRunEnd(text, i);
            return NumberChecks.IsMobile(text[start..end]) ? end : start;
        }
        if (i >= text.Length || !char.IsAsciiLetter(text[i])) return start;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '-')) i++;
        return i - start is >= 6 and <= 20 ? i : start;
    }
}
