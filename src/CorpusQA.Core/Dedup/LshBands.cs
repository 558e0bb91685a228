using System.Buffers.Binary;
using System.IO.Hashing;

namespace CorpusQA.Core.Dedup;

/// <summary>Band keys: XxHash3 (seeded with the band number) of a band's little-endian signature values.</summary>
internal static class LshBands
{
    public static ulong BandHash(ReadOnlySpan<byte> minHashBytes, int band, int rows) =>
        XxHash3.HashToUInt64(minHashBytes.Slice(4 * band * rows, 4 * rows), band);

    /// <summary>The signature as the little-endian bytes a signature file holds.</summary>
    public static byte[] ToLittleEndianBytes(ReadOnlySpan<uint> minHashes)
    {
        var bytes = new byte[4 * minHashes.Length];
        for (int i = 0; i < minHashes.Length; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4 * i), minHashes[i]);
        return bytes;
    }

    /// <summary>Whether two signatures share at least one band (an LSH candidate pair).</summary>
    public static bool ShareABand(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, LshParameters lsh)
    {
        for (int band = 0; band < lsh.Bands; band++)
        {
            if (a.Slice(4 * band * lsh.Rows, 4 * lsh.Rows).SequenceEqual(b.Slice(4 * band * lsh.Rows, 4 * lsh.Rows)))
                return true;
        }
        return false;
    }
}
