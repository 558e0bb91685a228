namespace CorpusQA.Core.Text.Normalization;

/// <summary>
/// NFKC data from generated Unicode tables (see the generated part). <see cref="DedupTextNormalizer"/>
/// replaces each code point by its own NFKC form, then composes a mark directly after a starter with it
/// when Unicode defines that composition. This equals full NFKC except for canonical reordering of several
/// combining marks, which Chinese text does not use, and Hangul jamo composition; it never depends on the
/// machine's ICU.
/// </summary>
internal static partial class NfkcTable
{
    private static readonly Lazy<Tables> LazyTables = new(Build);

    /// <summary>Per UTF-16 unit: has an NFKC mapping, may compose with the character before it, or is a surrogate.</summary>
    public static bool[] Special => LazyTables.Value.Special;

    /// <summary>The NFKC form of one code point, or null when it is its own form.</summary>
    public static string? Mapping(int codePoint)
    {
        Tables t = LazyTables.Value;
        return codePoint < 0x10000 ? t.Bmp[codePoint] : t.Astral.GetValueOrDefault(codePoint);
    }

    /// <summary>The canonical composition of <paramref name="previous"/> followed by <paramref name="mark"/>, if Unicode defines one.</summary>
    public static bool TryCompose(int previous, int mark, out int composed)
    {
        Tables t = LazyTables.Value;
        composed = 0;
        return previous >= 0 && t.Seconds.Contains(mark) && t.Compose.TryGetValue(((long)previous << 21) | (uint)mark, out composed);
    }

    // Special: per UTF-16 unit, whether it has a mapping, may compose with the previous character, or is a surrogate.
    private sealed record Tables(string?[] Bmp, Dictionary<int, string> Astral, Dictionary<long, int> Compose, HashSet<int> Seconds, bool[] Special);

    private static Tables Build()
    {
        var bmp = new string?[0x10000];
        var astral = new Dictionary<int, string>();
        for (int i = 0; i < Mappings.Length;)
        {
            int cp = (Mappings[i] << 16) | Mappings[i + 1];
            int length = Mappings[i + 2];
            string form = Mappings.Substring(i + 3, length);
            if (cp < 0x10000)
                bmp[cp] = form;
            else
                astral[cp] = form;
            i += 3 + length;
        }
        var compose = new Dictionary<long, int>(Compositions.Length / 3);
        var seconds = new HashSet<int>();
        for (int i = 0; i < Compositions.Length; i += 3)
        {
            compose[((long)Compositions[i] << 21) | (uint)Compositions[i + 1]] = Compositions[i + 2];
            seconds.Add(Compositions[i + 1]);
        }
        var special = new bool[0x10000];
        for (int c = 0; c < special.Length; c++)
            special[c] = bmp[c] is not null || seconds.Contains(c) || char.IsSurrogate((char)c);
        return new Tables(bmp, astral, compose, seconds, special);
    }
}
