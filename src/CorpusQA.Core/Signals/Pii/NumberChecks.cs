namespace CorpusQA.Core.Signals.Pii;

/// <summary>Validity checks of Chinese identity, phone and card numbers given as ASCII digit strings.</summary>
internal static class NumberChecks
{
    private static ReadOnlySpan<byte> IdWeights => [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string IdCheckCharacters = "10X98765432";

    /// <summary>
    /// A mainland resident identity number (GB 11643-1999): a valid province code, a real birth date from 1900 on
    /// and the ISO 7064 MOD 11-2 check character (digit or X).
    /// </summary>
    public static bool IsResidentId(ReadOnlySpan<char> id)
    {
        if (id.Length != 18) return false;
        for (int i = 0; i < 17; i++) if (!char.IsAsciiDigit(id[i])) return false;
        if (!IsProvinceCode((id[0] - '0') * 10 + (id[1] - '0'))) return false;
        int year = Number(id.Slice(6, 4)), month = Number(id.Slice(10, 2)), day = Number(id.Slice(12, 2));
        if (year < 1900 || year > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += (id[i] - '0') * IdWeights[i];
        return char.ToUpperInvariant(id[17]) == IdCheckCharacters[sum % 11];
    }

    /// <summary>A mainland mobile number: 11 digits, 1 then 3–9.</summary>
    public static bool IsMobile(ReadOnlySpan<char> digits) =>
        digits.Length == 11 && digits[0] == '1' && digits[1] is >= '3' and <= '9';

    /// <summary>The Luhn (mod 10) checksum used by bank cards.</summary>
    public static bool PassesLuhn(ReadOnlySpan<char> digits)
    {
        int sum = 0;
        bool doubleIt = false;
        for (int i = digits.Length - 1; i >= 0; i--)
        {
            int d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    /// <summary>A bank card number: 13–19 digits of a major network prefix (3 Amex/JCB, 4 Visa, 5 Mastercard, 6 UnionPay) passing Luhn.</summary>
    public static bool IsBankCard(ReadOnlySpan<char> digits) =>
        digits.Length is >= 13 and <= 19 && digits[0] is >= '3' and <= '6' && PassesLuhn(digits);

    // 11–15 north, 21–23 north-east, 31–37 east, 41–46 central/south, 50–54 south-west, 61–65 north-west,
    // 71 Taiwan, 81–82 Hong Kong and Macau, 83 Taiwan residents' permits.
    private static bool IsProvinceCode(int code) => code is >= 11 and <= 15 or >= 21 and <= 23 or >= 31 and <= 37
        or >= 41 and <= 46 or >= 50 and <= 54 or >= 61 and <= 65 or 71 or 81 or 82 or 83;

    private static int Number(ReadOnlySpan<char> digits)
    {
        int n = 0;
        foreach (char c in digits) n = n * 10 + (c - '0');
        return n;
    }
}
