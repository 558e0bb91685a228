using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CorpusQA.Core.Dedup;

/// <summary>
/// 64-bit XxHash3 of every window of a UTF-16 text. Windows of 9 to 16 bytes (4- to 8-character n-grams,
/// the default 5 included) use an inlined copy of XXH3's 9-16 byte path — the same function as
/// <see cref="XxHash3.HashToUInt64(ReadOnlySpan{byte}, long)"/> (a test compares them), without the per-call
/// dispatch that otherwise costs as much as the MinHash kernel; other sizes call the library.
/// </summary>
internal static class ShingleHasher
{
    // XXH3's default secret, bytes 24..55, little-endian (the only part the 9-16 byte path reads).
    private const ulong Secret24 = 0x1F67B3B7A4A44072UL;
    private const ulong Secret32 = 0x78E5C0CC4EE679CBUL;
    private const ulong Secret40 = 0x2172FFCC7DD05A82UL;
    private const ulong Secret48 = 0x8E2443F7744608B8UL;

    /// <summary>Writes the folded 32-bit hash of each <paramref name="windowBytes"/>-byte window starting at every even offset.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void HashWindows(ReadOnlySpan<byte> bytes, int windowBytes, ulong seed, Span<uint> destination)
    {
        int count = destination.Length;
        if (count == 0)
            return;
        if (windowBytes is >= 9 and <= 16 && BitConverter.IsLittleEndian)
        {
            ulong bitflip1 = (Secret24 ^ Secret32) + seed;
            ulong bitflip2 = (Secret40 ^ Secret48) - seed;
            ref byte start = ref MemoryMarshal.GetReference(bytes);
            if (bytes.Length < 2 * (count - 1) + windowBytes)
                throw new ArgumentException("destination has more windows than the text");
            int done = Kernels.ShingleHashKernel.HashBlocks(MemoryMarshal.Cast<byte, char>(bytes), windowBytes, bitflip1, bitflip2, destination);
            for (int i = done; i < count; i++)
            {
                ulong lo = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, 2 * i)) ^ bitflip1;
                ulong hi = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, 2 * i + windowBytes - 8)) ^ bitflip2;
                destination[i] = PermutationFamily.Fold(Mix9To16(lo, hi, windowBytes));
            }
            return;
        }
        for (int i = 0; i < count; i++)
            destination[i] = PermutationFamily.Fold(XxHash3.HashToUInt64(bytes.Slice(2 * i, windowBytes), (long)seed));
    }

    /// <summary>XXH3_len_9to16_64b for one input (used by the equality test).</summary>
    internal static ulong Hash9To16(ReadOnlySpan<byte> input, ulong seed)
    {
        if (input.Length is < 9 or > 16)
            throw new ArgumentOutOfRangeException(nameof(input), "9 to 16 bytes");
        ulong lo = BinaryPrimitives.ReadUInt64LittleEndian(input) ^ ((Secret24 ^ Secret32) + seed);
        ulong hi = BinaryPrimitives.ReadUInt64LittleEndian(input.Slice(input.Length - 8)) ^ ((Secret40 ^ Secret48) - seed);
        return Mix9To16(lo, hi, input.Length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix9To16(ulong lo, ulong hi, int length)
    {
        ulong high = Math.BigMul(lo, hi, out ulong low);
        ulong acc = (ulong)length + BinaryPrimitives.ReverseEndianness(lo) + hi + (low ^ high);
        acc ^= acc >> 37;
        acc *= 0x165667919E3779F9UL;
        return acc ^ (acc >> 32);
    }
}
