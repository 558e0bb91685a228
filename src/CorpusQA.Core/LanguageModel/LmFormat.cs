using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.CompilerServices;

namespace CorpusQA.Core.LanguageModel;

/// <summary>How probabilities and backoff weights are stored in the n-gram tables.</summary>
public enum LmValueEncoding
{
    /// <summary>16-bit linear quantization per order and value kind (8-byte slots); the default.</summary>
    Quantized16 = 0,

    /// <summary>Exact doubles (8-byte slots and a 16-byte value pair per n-gram); for tests and comparisons.</summary>
    Float64 = 1,
}

/// <summary>
/// The <c>lm.bin</c> layout (little-endian, version 2). A 64-byte header, one 96-byte descriptor per order, then
/// the tables, each 64-byte aligned. A table is an array of buckets, each one 64-byte cache line of 8 words
/// <c>{u32 payload, u32 tag}</c> (the tag, in the high half, is the low 32 bits of the n-gram hash, 1 for 0; a word
/// of 0 is an empty slot; slots fill left to right). An n-gram's home bucket is the high 64 bits of hash × buckets;
/// a full bucket overflows into the next (linear probing by bucket, load ≤ 1/2, so a probe reads one cache line
/// but rarely). The payload is the two u16 codes <c>log10 p &lt;&lt; 16 | log10 backoff</c> (value = min + code ×
/// step), or, in the exact encoding, the index of the n-gram's <c>{f64 log10 p, f64 log10 backoff}</c> pair in an
/// array that follows the buckets.
/// <code>
/// header: 0 magic "CQCHARLM" | 8 u32 version | 12 u32 order | 16 u32 vocabulary (characters + &lt;/s&gt; + &lt;unk&gt;)
///         20 u32 value encoding | 24 u64 training-data hash (xxHash3 of the normalized lines) | 32 u64 training tokens
///         40 f64 log10 p(&lt;unk&gt;) | 48 u64 checksum (xxHash3 of bytes 0..48 and 64..end) | 56 reserved
/// order:  0 u64 entries | 8 u64 buckets | 16 u64 table offset | 24 u32 min raw count kept | 28 reserved
///         32 f64 prob min | 40 f64 prob step | 48 f64 backoff min | 56 f64 backoff step | 64 f64 D1 | 72 D2 | 80 D3+ | 88 reserved
/// </code>
/// A query compares 32 tag bits (and the bucket's bits of the hash) instead of all 64: an absent n-gram matches
/// a stored one with probability about 2⁻³² per occupied slot it is compared with, about one character in 10⁹.
/// </summary>
internal static class LmFormat
{
    public const ulong Magic = 0x4D4C524148435143UL; // "CQCHARLM" read as little-endian u64
    public const uint Version = 2;
    public const int HeaderSize = 64;
    public const int OrderSize = 96;
    public const int MaxOrder = 8;
    public const int BucketBytes = 64;
    public const int Slots = 8;

    /// <summary>Bytes per n-gram after the buckets: the f64 pair of the exact encoding, none when quantized.</summary>
    public static int ValueBytes(LmValueEncoding encoding) => encoding == LmValueEncoding.Float64 ? 16 : 0;

    /// <summary>Buckets for <paramref name="entries"/> n-grams: at least twice the slots, so the load stays ≤ 1/2.</summary>
    public static long Buckets(long entries) => Math.Max(1, (entries + 3) / 4);

    /// <summary>Bytes of one order's table.</summary>
    public static long TableBytes(long buckets, long entries, LmValueEncoding encoding) => buckets * BucketBytes + entries * ValueBytes(encoding);

    public static ulong Checksum(ReadOnlySpan<byte> file)
    {
        var hash = new XxHash3();
        hash.Append(file[..48]);
        hash.Append(file[HeaderSize..]);
        return hash.GetCurrentHashAsUInt64();
    }

    /// <summary>The bucket where probing for <paramref name="key"/> starts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Home(ulong key, ulong buckets) => Math.BigMul(key, buckets, out _);

    /// <summary>The tag of <paramref name="key"/>, in the high half of a word (never 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Tag(ulong key) => (ulong)((uint)key == 0 ? 1u : (uint)key) << 32;

    public static void WriteChecksum(Span<byte> file) =>
        BinaryPrimitives.WriteUInt64LittleEndian(file[48..], Checksum(file));
}

/// <summary>Per-order facts read from a descriptor.</summary>
internal readonly record struct LmOrderInfo(
    long Entries, long Buckets, long Offset, int MinCount,
    double ProbMin, double ProbStep, double BackoffMin, double BackoffStep,
    double D1, double D2, double D3);
