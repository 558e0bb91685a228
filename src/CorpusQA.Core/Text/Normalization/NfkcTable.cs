using System.Text;

namespace CorpusQA.Core.Text.Normalization;

/// <summary>
/// NFKC from generated Unicode tables (see the generated part): each code point is replaced by its own NFKC
/// form, then a mark directly after a starter is composed with it when Unicode defines that composition.
/// This equals full NFKC except for canonical reordering of several combining marks, which Chinese text does
/// not use, and Hangul jamo composition; it never depends on the machine's ICU.
/// </summary>
internal static partial class NfkcTable
{
    private static readonly Lazy<Tables> LazyTables = new(Build);

    /// <summary>Writes the NFKC form of <paramref name="text"/> into <paramref name="buffer"/> (grown as needed); returns its length.</summary>
    public static int Normalize(ReadOnlySpan<char> text, ref char[] buffer)
    {
        Tables t = LazyTables.Value;
        bool[] special = t.Special;
        if (buffer.Length < text.Length)
            buffer = new char[Math.Max(text.Length, 16)];
        char[] output = buffer;
        int written = 0;
        int previous = -1;          // last code point written, a composition candidate
        int previousUnits = 0;
        for (int i = 0; i < text.Length; i++)
        {
            int cp = text[i];
            if (!special[cp])
            {
                // Maps to itself and composes with nothing before it (nearly every character): copy the run.
                int runEnd = PlainRunEnd(text, i + 1, special);
                int runLength = runEnd - i;
                if (written + runLength > output.Length)
                {
                    Array.Resize(ref output, Math.Max(output.Length * 2, written + runLength));
                    buffer = output;
                }
                text.Slice(i, runLength).CopyTo(output.AsSpan(written));
                written += runLength;
                previous = text[runEnd - 1];
                previousUnits = 1;
                i = runEnd - 1;
                continue;
            }
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                cp = char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
            }
            string? mapped = cp < 0x10000 ? t.Bmp[cp] : t.Astral.GetValueOrDefault(cp);
            if (mapped is null)
            {
                Append(t, cp, ref output, ref written, ref previous, ref previousUnits);
            }
            else
            {
                for (int j = 0; j < mapped.Length; j++)
                {
                    int d = mapped[j];
                    if (char.IsHighSurrogate(mapped[j]))
                        d = char.ConvertToUtf32(mapped[j], mapped[++j]);
                    Append(t, d, ref output, ref written, ref previous, ref previousUnits);
                }
            }
            buffer = output;
        }
        return written;
    }

    /// <summary>End of the run of characters from <paramref name="from"/> that map to themselves and compose with nothing.</summary>
    /// <remarks>ASCII and CJK Unified Ideographs never map or compose: their runs are found with vectorized range scans.</remarks>
    private static int PlainRunEnd(ReadOnlySpan<char> text, int from, bool[] special)
    {
        int i = from;
        while (i < text.Length)
        {
            char c = text[i];
            if ((uint)(c - 0x4E00) <= 0x9FFF - 0x4E00)
                i = RangeEnd(text, i, '\u4E00', '\u9FFF');
            else if (c < 0x80)
                i = RangeEnd(text, i, '\0', '\u007F');
            else if (!special[c])
                i++;
            else
                break;
        }
        return i;
    }

    private static int RangeEnd(ReadOnlySpan<char> text, int from, char low, char high)
    {
        int offset = text.Slice(from).IndexOfAnyExceptInRange(low, high);
        return offset < 0 ? text.Length : from + offset;
    }

    private static void Append(Tables t, int cp, ref char[] buffer, ref int written, ref int previous, ref int previousUnits)
    {
        if (previous >= 0 && t.Seconds.Contains(cp) && t.Compose.TryGetValue(((long)previous << 21) | (uint)cp, out int composed))
        {
            written -= previousUnits;
            cp = composed;
        }
        int units = cp >= 0x10000 ? 2 : 1;
        if (written + units > buffer.Length)
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, written + units));
        if (units == 1)
            buffer[written] = (char)cp;
        else
            new Rune(cp).EncodeToUtf16(buffer.AsSpan(written));
        written += units;
        previous = cp;
        previousUnits = units;
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
