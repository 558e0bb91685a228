using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CorpusQA.Core.Text;

/// <summary>64-bit hashes of character spans and order-dependent combinations of them (for n-grams).</summary>
internal static class TextHash
{
    /// <summary>XxHash3 of the span's UTF-16 code units; no string is created.</summary>
    public static ulong Of(ReadOnlySpan<char> text) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(text));

    /// <summary>Mixes <paramref name="next"/> into a running sequence hash; order matters (ab ≠ ba).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Combine(ulong running, ulong next)
    {
        ulong x = (running ^ next) * 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 29)) * 0xBF58476D1CE4E5B9UL;
        return x ^ (x >> 32) ^ (running << 1);
    }
}
