namespace CorpusQA.Core.Signals.Pii;

/// <summary>
/// Finds runs of ASCII digits (optionally grouped by single spaces or hyphens: 138-1234-5678, 6222 0212 3456 7890)
/// and classifies each as a resident ID, a mobile number or a bank card, in that order of precedence.
/// </summary>
internal static class DigitRunScanner
{
    private const int MaxDigits = 24, MaxGroups = 6, MaxGroupLength = 8;

    public static void Scan(ReadOnlySpan<char> text, ref PiiCounts counts)
    {
        Span<char> digits = stackalloc char[MaxDigits + 1];
        Span<int> groups = stackalloc int[MaxGroups];
        for (int i = 0; i < text.Length; i++)
        {
            int skip = text[i..].IndexOfAnyInRange('0', '9'); // vectorized jump to the next digit
            if (skip < 0) break;
            i += skip;
            if (!char.IsAsciiDigit(text[i]) || (i > 0 && (char.IsAsciiLetterOrDigit(text[i - 1]) || text[i - 1] is '.' or '_')))
                continue;
            int end = ReadRun(text, i, digits, groups, out int digitCount, out int groupCount, out bool tooLong);
            i = end - 1;
            if (tooLong || (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '_'))) continue;
            Classify(digits[..digitCount], groups[..groupCount], ref counts);
        }
    }

    private static int ReadRun(ReadOnlySpan<char> text, int start, Span<char> digits, Span<int> groups,
        out int digitCount, out int groupCount, out bool tooLong)
    {
        digitCount = 0;
        groupCount = 0;
        tooLong = false;
        int i = start, groupStart = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsAsciiDigit(c))
            {
                if (digitCount == MaxDigits) tooLong = true;
                else digits[digitCount++] = c;
                i++;
                continue;
            }
            // The check character X of an identity number, right after the 17th digit.
            if (c is 'X' or 'x' && digitCount == 17 && (i + 1 == text.Length || !char.IsAsciiLetterOrDigit(text[i + 1])))
            {
                digits[digitCount++] = c;
                i++;
                break;
            }
            // A single space or hyphen joins digit groups of at most 8 (110105 19491231 002X, 6222 0212 ...);
            // a longer group on either side is a separate number: 2019-2023 13812345678.
            bool groupSeparator = c is ' ' or '-' && groupCount < MaxGroups - 1
                && digitCount - groupStart <= MaxGroupLength && NextGroupLength(text, i + 1) is > 0 and <= MaxGroupLength;
            if (!groupSeparator) break;
            groups[groupCount++] = digitCount - groupStart;
            groupStart = digitCount;
            i++;
        }
        groups[groupCount++] = digitCount - groupStart;
        return i;
    }

    private static int NextGroupLength(ReadOnlySpan<char> text, int i)
    {
        int start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        return i - start;
    }

    private static void Classify(ReadOnlySpan<char> run, ReadOnlySpan<int> groups, ref PiiCounts counts)
    {
        if (NumberChecks.IsResidentId(run) && GroupsAre(groups, [18], [6, 8, 4]))
        {
            counts.ResidentIds++;
            return;
        }
        if (NumberChecks.IsMobile(run) && GroupsAre(groups, [11], [3, 4, 4]))
        {
            counts.Mobiles++;
            return;
        }
        if (run.Length == 13 && run.StartsWith("86") && NumberChecks.IsMobile(run[2..])
            && GroupsAre(groups, [13], [2, 11], [2, 3, 4, 4]))
        {
            counts.Mobiles++;
            return;
        }
        if (NumberChecks.IsBankCard(run) && (groups.Length == 1 || GroupedByFour(groups))) counts.BankCards++;
    }

    private static bool GroupsAre(ReadOnlySpan<int> groups, params ReadOnlySpan<int[]> allowed)
    {
        foreach (int[] pattern in allowed)
            if (groups.SequenceEqual(pattern)) return true;
        return false;
    }

    private static bool GroupedByFour(ReadOnlySpan<int> groups)
    {
        for (int g = 0; g < groups.Length - 1; g++) if (groups[g] != 4) return false;
        return groups[^1] is >= 1 and <= 4;
    }
}
