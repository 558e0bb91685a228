using System.Buffers.Binary;
using System.IO.Hashing;

namespace CorpusQA.Core.LanguageModel;

/// <summary>How probabilities and backoff weights are stored in the n-gram tables.</summary>
public enum LmValueEncoding
{
    /// <summary>16-bit linear quantization per order and value kind (12-byte entries); the default.</summary>
    Quantized16 = 0,

    /// <summary>Exact doubles (24-byte entries); for tests and comparisons.</summary>
    Float64 = 1,
}

/// <summary>
/// The <c>lm.bin</c> layout (little-endian, version 1). A 64-byte header, one 96-byte descriptor per order, then
/// the tables, each 8-byte aligned. A table is an open-addressing array (linear probing, load ≤ 3/4, slot =
/// high 64 bits of hash × capacity) of entries <c>{u64 n-gram hash (0 = empty), log10 p, log10 backoff}</c>:
/// 2 × u16 codes (value = min + code × step) or 2 × f64.
/// <code>
/// header: 0 magic "CQCHARLM" | 8 u32 version | 12 u32 order | 16 u32 vocabulary (characters + &lt;/s&gt; + &lt;unk&gt;)
///         20 u32 value encoding | 24 u64 training-data hash (xxHash3 of the normalized lines) | 32 u64 training tokens
///         40 f64 log10 p(&lt;unk&gt;) | 48 u64 checksum (xxHash3 of bytes 0..48 and 64..end) | 56 reserved
/// order:  0 u64 entries | 8 u64 capacity | 16 u64 table offset | 24 u32 min raw count kept | 28 reserved
///         32 f64 prob min | 40 f64 prob step | 48 f64 backoff min | 56 f64 backoff step | 64 f64 D1 | 72 D2 | 80 D3+ | 88 reserved
/// </code>
/// </summary>
internal static class LmFormat
{
    public const ulong Magic = 0x4D4C524148435143UL; // "CQCHARLM" read as little-endian u64
    public const uint Version = 1;
    public const int HeaderSize = 64;
    public const int OrderSize = 96;
    public const int MaxOrder = 8;
    public const double MaxLoad = 0.75;

    public static int EntrySize(LmValueEncoding encoding) => encoding == LmValueEncoding.Float64 ? 24 : 12;

    public static long Capacity(long entries) => Math.Max(4, (long)Math.Ceiling(entries / MaxLoad) + 1);

    public static ulong Checksum(ReadOnlySpan<byte> file)
    {
        var hash = new XxHash3();
        hash.Append(file[..48]);
        hash.Append(file[HeaderSize..]);
        return hash.GetCurrentHashAsUInt64();
    }

    /// <summary>The slot where probing for <paramref name="key"/> starts.</summary>
    public static ulong Home(ulong key, ulong capacity) => Math.BigMul(key, capacity, out _);

    public static void WriteChecksum(Span<byte> file) =>
        BinaryPrimitives.WriteUInt64LittleEndian(file[48..], Checksum(file));
}

/// <summary>Per-order facts read from a descriptor.</summary>
internal readonly record struct LmOrderInfo(
    long Entries, long Capacity, long Offset, int MinCount,
    double ProbMin, double ProbStep, double BackoffMin, double BackoffStep,
    double D1, double D2, double D3);
